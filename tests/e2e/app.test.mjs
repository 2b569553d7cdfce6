// End-to-end: the real OnRecord window (WebKitGTK) driven through WebDriver — tauri-driver in
// front of WebKitWebDriver, under Xvfb. Run by scripts/e2e.sh (part of ./test.sh).
//
// Clip the seed article, search "pivotal" and see Alilughatta's quote with Zensar, check a
// draft calling him "Alibaba's COO" and see it misattributed with the explanation, export the
// library as BibTeX to a file and as APA to the clipboard. Each step asserts on what the window
// shows and saves a screenshot under target/e2e-screenshots/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { endianness, tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import net from "node:net";

const require = createRequire(new URL("../../ui/package.json", import.meta.url));
const { Builder, By, until, Key } = require("selenium-webdriver");

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const app = process.env.ONRECORD_APP ?? join(root, "target/debug/onrecord-app");
const shots = join(root, "target/e2e-screenshots");
const library = mkdtempSync(join(tmpdir(), "onrecord-e2e-"));
const exportDir = mkdtempSync(join(tmpdir(), "onrecord-e2e-export-"));
const port = Number(process.env.E2E_PORT ?? 4444);
const nativePort = port + 1;

let driverProcess;
let driver;

function portOpen(p) {
  return new Promise((done) => {
    const socket = net.connect(p, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

async function waitForPorts(ports, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const open = await Promise.all(ports.map(portOpen));
    if (open.every(Boolean)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`WebDriver ports ${ports} did not open`);
}

async function shot(name) {
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(shots, `${name}.png`), await driver.takeScreenshot(), "base64");
}

const byId = (id) => driver.findElement(By.id(id));

async function waitText(id, pattern, ms = 30000) {
  const el = await driver.wait(until.elementLocated(By.id(id)), ms);
  try {
    await driver.wait(async () => pattern.test(await el.getText()), ms);
  } catch {
    await shot(`failed-${id}`);
    throw new Error(`#${id} never matched ${pattern}; it shows: ${await el.getText()}`);
  }
  return el.getText();
}

before(async () => {
  assert.ok(existsSync(app), `build the app first: ${app}`);
  driverProcess = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    env: { ...process.env, ONRECORD_LIBRARY: library },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForPorts([port, nativePort], 30000);
  driver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}/`)
    .withCapabilities({
      browserName: "wry",
      "tauri:options": { application: app, args: ["--library", library] },
    })
    .build();
  await driver.wait(until.elementLocated(By.id("search")), 30000);
  // The window keeps its settings (theme, citation style) between runs: start from none.
  await driver.executeScript("localStorage.clear(); location.reload();");
  await driver.wait(until.elementLocated(By.id("search")), 30000);
});

after(async () => {
  if (driver) await driver.quit().catch(() => {});
  if (driverProcess) driverProcess.kill();
  // The window must not outlive the run: it holds the test runner's output pipe open, and the
  // runner then waits for it forever. (Seen once: the session ended but the app stayed.)
  try {
    execFileSync("pkill", ["-f", `onrecord-app --library ${library}`]);
  } catch {
    // (Nothing left to stop.)
  }
});

test("an empty library says how to add the first quotes", async () => {
  const text = await waitText("empty-state", /Your library is empty/);
  assert.match(text, /Clip an article/);
  assert.match(text, /import/i);
  await shot("library-empty");
});

test("clip the seed article and save its quotes", async () => {
  await byId("nav-clip").click();
  const article = readFileSync(join(root, "tests/fixtures/seed-article.txt"), "utf8");
  // Typing 5,000 characters key by key is slow; set the value and tell the page.
  await driver.executeScript(
    "const t = document.getElementById('clip-text'); t.value = arguments[0]; t.dispatchEvent(new Event('input'));",
    article,
  );
  await byId("clip-run").click();
  await waitText("clip-status", /quotation\(s\) found/);
  // Pasted text carries no title or outlet: the reporter types them before saving.
  for (const [id, value] of [
    ["clip-title", "DeepSeek rushes to launch R2"],
    ["clip-outlet", "Reuters"],
    ["clip-date", "2025-02-26"],
  ]) {
    const input = byId(id);
    await input.clear();
    await input.sendKeys(value);
  }
  await waitText("clip-status", /quotation\(s\) found/);
  const speakers = await driver.findElements(By.css("#candidates input[data-field=speaker]"));
  const names = await Promise.all(speakers.map((s) => s.getAttribute("value")));
  assert.ok(names.includes("Vijayasimha Alilughatta"), `speakers: ${names}`);
  const orgs = await Promise.all(
    (await driver.findElements(By.css("#candidates input[data-field=organization]"))).map((s) => s.getAttribute("value")),
  );
  assert.ok(orgs.includes("Zensar"), `organizations: ${orgs}`);
  // Each quotation is shown in its sentence, and its tags can be given before saving.
  const contexts = await driver.findElements(By.css('#candidates [data-field="context"]'));
  assert.match(await contexts[0].getText(), /told Reuters/);
  const tags = await driver.findElements(By.css('#candidates input[data-field="tags"]'));
  await tags[0].sendKeys("launch");
  // Select none, then all: every quotation is ticked again.
  await byId("clip-none").click();
  await byId("clip-all").click();
  const ticked = await driver.findElements(By.css("#candidates input[type=checkbox]:checked"));
  assert.equal(ticked.length, speakers.length);
  await shot("clip");
  await byId("clip-save").click();
  const status = await waitText("clip-status", /Saved \d+ quote/);
  assert.match(status, /Saved [1-9]\d* quote/);
  const cli = process.env.ONRECORD_BIN ?? join(root, "target/debug/onrecord");
  const tagged = JSON.parse(execFileSync(cli, ["--library", library, "search", "tag:launch", "--json"], { encoding: "utf8" }));
  assert.equal(tagged.total, 1);
});

test("search 'pivotal' finds Alilughatta's quote with Zensar", async () => {
  await byId("nav-library").click();
  const search = byId("search");
  await search.clear();
  await search.sendKeys("pivotal");
  // Wait for this query's results (highlighted), not the list shown before typing.
  await driver.wait(until.elementLocated(By.css("#results li.result mark")), 20000);
  await waitText("result-summary", /^1 quote/);
  const result = await driver.findElement(By.css("#results li.result"));
  const text = await result.getText();
  assert.match(text, /pivotal/);
  assert.match(text, /Vijayasimha Alilughatta/);
  assert.match(text, /Zensar/);
  const marks = await driver.findElements(By.css("#results li.result mark"));
  assert.ok(marks.length > 0, "the matched word is highlighted");
  await shot("library-search");
  await search.sendKeys(Key.ARROW_DOWN, Key.ENTER);
  const context = await waitText("q-context", /pivotal moment/);
  assert.match(context, /told Reuters/);
  await shot("quote");
  await driver.findElement(By.css("body")).sendKeys(Key.ESCAPE);
});

test("a draft calling him Alibaba's COO is misattributed, with the explanation", async () => {
  await byId("nav-check").click();
  const draft =
    'Alibaba\'s COO said the launch of DeepSeek\'s R2 model "could be a pivotal moment in the AI industry."';
  await driver.executeScript(
    "const t = document.getElementById('draft'); t.value = arguments[0]; t.dispatchEvent(new Event('input'));",
    draft,
  );
  await byId("check-run").click();
  await waitText("check-status", /misattributed/);
  const finding = await driver.findElement(By.css("#findings li.finding"));
  const text = await finding.getText();
  assert.match(text, /MISATTRIBUTED/i);
  assert.match(text, /Zensar/);
  assert.match(text, /Alibaba/);
  const mark = await driver.findElement(By.css("#draft-rendered mark.verdict-misattributed"));
  assert.match(await mark.getText(), /pivotal moment/);
  await shot("check");
});

test("export the library as BibTeX to a file and as APA to the clipboard", async () => {
  await byId("nav-export").click();
  const path = join(exportDir, "quotes.bib");
  await driver.executeScript("document.getElementById('export-format').value = 'bibtex'; document.getElementById('export-format').dispatchEvent(new Event('change'));");
  const input = byId("export-path");
  await input.clear();
  await input.sendKeys(path);
  await byId("export-save").click();
  await waitText("export-status", /Saved \d+ quote/);
  const bib = readFileSync(path, "utf8");
  assert.match(bib, /^@article\{alilughatta/m);
  assert.match(bib, /journaltitle|title/);
  await shot("export");

  await driver.executeScript("document.getElementById('export-format').value = 'apa'; document.getElementById('export-format').dispatchEvent(new Event('change'));");
  await byId("export-copy").click();
  await waitText("export-status", /Copied \d+ quote/);
  const preview = await byId("export-preview").getText();
  // APA for an article without a byline: the headline leads, then the date and the outlet.
  assert.match(preview, /DeepSeek rushes to launch R2\. \(2025, February 26\)\. Reuters\./);
  const clipboard = execFileSync("xclip", ["-o", "-selection", "clipboard"], { encoding: "utf8" });
  assert.equal(clipboard.trim(), preview.trim());
});

test("speakers show their titles and employers", async () => {
  await byId("nav-speakers").click();
  const text = await waitText("speakers", /Vijayasimha Alilughatta/);
  assert.match(text, /Zensar/);
  await shot("speakers");
});

/** Sends one framed message to `onrecord browser-host` on the test's library, as the browser does. */
function sendToHost(message) {
  const cli = process.env.ONRECORD_BIN ?? join(root, "target/debug/onrecord");
  const body = Buffer.from(JSON.stringify(message));
  const frame = Buffer.alloc(4 + body.length);
  // (Native byte order, as browsers frame it.)
  if (endianness() === "LE") frame.writeUInt32LE(body.length, 0);
  else frame.writeUInt32BE(body.length, 0);
  body.copy(frame, 4);
  const out = execFileSync(cli, ["--library", library, "browser-host"], { input: frame });
  const length = endianness() === "LE" ? out.readUInt32LE(0) : out.readUInt32BE(0);
  return JSON.parse(out.subarray(4, 4 + length).toString("utf8"));
}

test("a page sent from the browser waits in the inbox and is reviewed in the clip view", async () => {
  const html = readFileSync(join(root, "tests/fixtures/article.html"), "utf8");
  const reply = sendToHost({ type: "inbox", url: "https://news.example.org/transit", title: "Transit", html });
  assert.equal(reply.type, "queued", JSON.stringify(reply));
  // The window notices the page while it is open.
  await waitText("inbox-count", /^1$/, 15000);
  await byId("nav-inbox").click();
  await waitText("inbox-list", /City council approves|Transit/);
  await shot("inbox");
  await driver.findElement(By.css("#inbox-list [data-review]")).click();
  await waitText("clip-status", /quotation\(s\) found/);
  const speakers = await driver.findElements(By.css("#candidates input[data-field=speaker]"));
  const names = await Promise.all(speakers.map((s) => s.getAttribute("value")));
  assert.ok(names.includes("Maria Gonzalez"), `speakers: ${names}`);
  await byId("clip-save").click();
  await waitText("clip-status", /Saved [1-9]\d* quote/);
  // Reviewed and saved: the page leaves the inbox.
  await driver.wait(async () => !(await byId("inbox-count").isDisplayed()), 15000);
  const left = execFileSync(process.env.ONRECORD_BIN ?? join(root, "target/debug/onrecord"), ["--library", library, "inbox", "--json"], {
    encoding: "utf8",
  });
  assert.deepEqual(JSON.parse(left), []);
});

test("a story from the quote panel to search, facet and export", async () => {
  await byId("nav-library").click();
  const search = byId("search");
  await search.clear();
  await search.sendKeys("pivotal");
  await driver.wait(until.elementLocated(By.css("#results li.result mark")), 20000);
  await waitText("result-summary", /^1 quote/);
  // (The list is rebuilt as results arrive: open the quote from the keyboard, as a user may.)
  await search.sendKeys(Key.ARROW_DOWN, Key.ENTER);
  await waitText("q-context", /pivotal moment/);
  const stories = await driver.wait(until.elementLocated(By.id("q-stories")), 20000);
  await stories.clear();
  await stories.sendKeys("Chip exports");
  await driver.findElement(By.css("#quote-panel button.primary")).click();
  await waitText("q-status", /Saved/);
  await driver.findElement(By.css("body")).sendKeys(Key.ESCAPE);
  // The story is a filter and a facet.
  await search.clear();
  await search.sendKeys('story:"chip exports"');
  await waitText("result-summary", /^1 quote/);
  await search.clear();
  await search.sendKeys("deepseek");
  const facet = await driver.wait(until.elementLocated(By.css('#facets button[data-facet="story"]')), 20000);
  assert.match(await facet.getText(), /Chip exports/);
  // Exported like any search.
  await byId("nav-export").click();
  const query = byId("export-query");
  await query.clear();
  // (The selection is read when the field is left.)
  await query.sendKeys('story:"Chip exports"', Key.TAB);
  await waitText("export-status", /^1 quote\(s\) selected/);
  const preview = await byId("export-preview").getText();
  assert.match(preview, /DeepSeek rushes to launch R2/);
  assert.doesNotMatch(preview, /transit/);
});

test("two spellings of one speaker merged in the Speakers view", async () => {
  const cli = process.env.ONRECORD_BIN ?? join(root, "target/debug/onrecord");
  // Another spelling arrives (from another program, while the window is open).
  execFileSync(cli, ["--library", library, "add", "--text", "The council cannot borrow more", "--speaker", "Bob Hale"]);
  await byId("nav-speakers").click();
  await waitText("speakers", /Bob Hale/);
  const pick = async (id, name) => {
    const option = await driver.findElement(By.css(`#${id} option[value="${name}"]`));
    await option.click();
  };
  await pick("merge-from", "Bob Hale");
  await pick("merge-into", "Robert Hale");
  await byId("merge-speakers").click();
  await waitText("speakers-status", /Merged Bob Hale into Robert Hale: 1 quote/);
  const text = await waitText("speakers", /Also: Bob Hale/);
  assert.doesNotMatch(text, /^Bob Hale$/m);
  await shot("speakers-merged");
  const found = JSON.parse(
    execFileSync(cli, ["--library", library, "search", 'speaker:"Robert Hale"', "--json"], { encoding: "utf8" }),
  );
  assert.equal(found.total, 2);
  // One Undo puts the merge back whole; then it is merged again for the tests that follow.
  await byId("toast-action").click();
  await waitText("speakers-status", /Undone: Bob Hale is a speaker of their own again/);
  await waitText("speakers", /Bob Hale 1 quote\(s\)/);
  const robert = JSON.parse(
    execFileSync(cli, ["--library", library, "search", 'speaker:"Robert Hale"', "--json"], { encoding: "utf8" }),
  );
  assert.equal(robert.total, 1);
  execFileSync(cli, ["--library", library, "speakers", "merge", "Bob Hale", "Robert Hale"]);
});

test("paging past the first 50 results reaches every match", async () => {
  const cli = process.env.ONRECORD_BIN ?? join(root, "target/debug/onrecord");
  const rows = ["text,speaker"];
  for (let i = 1; i <= 120; i++) rows.push(`"Ferry timetable number ${i} is final",Pat Doe`);
  const file = join(exportDir, "ferries.csv");
  writeFileSync(file, rows.join("\n") + "\n");
  execFileSync(cli, ["--library", library, "import", file]);
  await byId("nav-library").click();
  const search = byId("search");
  await search.clear();
  await search.sendKeys("ferry timetable", Key.ENTER);
  await waitText("page-label", /^1–50 of 120$/);
  assert.equal((await driver.findElements(By.css("#results li.result"))).length, 50);
  await byId("page-next").click();
  await waitText("page-label", /^51–100 of 120$/);
  await byId("page-next").click();
  await waitText("page-label", /^101–120 of 120$/);
  assert.equal((await driver.findElements(By.css("#results li.result"))).length, 20);
  assert.equal(await byId("page-next").isEnabled(), false);
  await byId("page-prev").click();
  await waitText("page-label", /^51–100 of 120$/);
  // A new search starts again at the first page.
  await search.sendKeys(Key.ENTER);
  await waitText("page-label", /^1–50 of 120$/);
});

test("a check finding opens its record and copies the correct attribution", async () => {
  await byId("nav-check").click();
  const draft = byId("draft");
  await driver.executeScript(
    "const t = document.getElementById('draft'); t.value = arguments[0]; t.dispatchEvent(new Event('input'));",
    'Alibaba\'s COO said the launch of DeepSeek\'s R2 model "could be a pivotal moment in the AI industry."',
  );
  // Ctrl+Enter checks from the draft.
  await draft.sendKeys(Key.chord(Key.CONTROL, Key.ENTER));
  await waitText("check-status", /misattributed/);
  await driver.findElement(By.css("#findings .copy-correct")).click();
  await waitText("check-status", /^Copied/);
  const clipboard = execFileSync("xclip", ["-o", "-selection", "clipboard"], { encoding: "utf8" });
  assert.equal(
    clipboard.trim(),
    "“The launch of DeepSeek’s R2 model could be a pivotal moment in the AI industry,” Vijayasimha Alilughatta, chief operating officer of Zensar, told Reuters.",
  );
  await driver.findElement(By.css("#findings .open-record")).click();
  await waitText("q-context", /pivotal moment/);
  await driver.findElement(By.css("body")).sendKeys(Key.ESCAPE);
});

test("three results tagged together, then the tagging undone", async () => {
  const cli = process.env.ONRECORD_BIN ?? join(root, "target/debug/onrecord");
  const tagged = () =>
    JSON.parse(execFileSync(cli, ["--library", library, "search", "tag:ferries", "--json"], { encoding: "utf8" })).total;
  await byId("nav-library").click();
  const search = byId("search");
  await search.clear();
  await search.sendKeys("ferry timetable", Key.ENTER);
  await waitText("page-label", /^1–50 of 120$/);
  const boxes = await driver.findElements(By.css("#results input.pick"));
  await boxes[0].click();
  // Shift-click takes the range from the last one ticked.
  await driver.actions().keyDown(Key.SHIFT).click(boxes[2]).keyUp(Key.SHIFT).perform();
  await waitText("bulk-count", /^3 quotes selected$/);
  const tag = byId("bulk-tag");
  await tag.clear();
  await tag.sendKeys("ferries");
  await byId("bulk-tag-add").click();
  await driver.wait(async () => tagged() === 3, 15000);
  await shot("bulk");
  await byId("toast-action").click();
  await driver.wait(async () => tagged() === 0, 15000);
  // Ctrl+A takes the whole page (after clearing: the three stay selected while the results
  // re-rank around the undone tag).
  await byId("bulk-none").click();
  await driver.findElement(By.css("body")).sendKeys(Key.chord(Key.CONTROL, "a"));
  await waitText("bulk-count", /^50 quotes selected$/);
  await byId("bulk-none").click();
});

test("stories listed, opened, renamed and deleted in the Stories view", async () => {
  await byId("nav-stories").click();
  await waitText("stories", /Chip exports — 1 quote/);
  await driver.findElement(By.css('#stories input[data-rename="Chip exports"]')).sendKeys("Export curbs");
  await driver.findElement(By.css('#stories button[data-rename-go="Chip exports"]')).click();
  await waitText("stories", /Export curbs — 1 quote/);
  await driver.findElement(By.css('#stories button[data-open="Export curbs"]')).click();
  await waitText("result-summary", /^1 quote/);
  assert.match(await byId("search").getAttribute("value"), /story:"Export curbs"/);
  await byId("nav-stories").click();
  await driver.findElement(By.css('#stories button[data-delete="Export curbs"]')).click();
  await waitText("stories-status", /its 1 quote\(s\) stay/);
  await waitText("stories", /No stories yet/);
  await shot("stories");
});

test("a tag renamed everywhere from the Stories & tags view, and its quotes shown", async () => {
  const cli = process.env.ONRECORD_BIN ?? join(root, "target/debug/onrecord");
  await byId("nav-stories").click();
  await waitText("tag-list", /launch — 1 quote\(s\)/);
  await driver.findElement(By.css('#tag-list input[data-tag-rename="launch"]')).sendKeys("product launch");
  await driver.findElement(By.css('#tag-list button[data-tag-rename-go="launch"]')).click();
  await waitText("stories-status", /Renamed the tag “launch” to “product launch” on 1 quote\(s\)/);
  await waitText("tag-list", /product launch — 1 quote\(s\)/);
  const tagged = JSON.parse(
    execFileSync(cli, ["--library", library, "search", 'tag:"product launch"', "--json"], { encoding: "utf8" }),
  );
  assert.equal(tagged.total, 1);
  await driver.findElement(By.css('#tag-list button[data-tag-show="product launch"]')).click();
  await waitText("result-summary", /^1 quote/);
  assert.match(await byId("search").getAttribute("value"), /tag:"product launch"/);
  // (Back as it was, for the tests after this one.)
  execFileSync(cli, ["--library", library, "tag", "rename", "product launch", "launch"]);
});

test("the quote panel keeps unsaved edits, undoes a save and copies a citation", async () => {
  const cli = process.env.ONRECORD_BIN ?? join(root, "target/debug/onrecord");
  const title = () =>
    JSON.parse(execFileSync(cli, ["--library", library, "search", "pivotal", "--json"], { encoding: "utf8" })).hits[0].quote.title;
  await byId("nav-library").click();
  const search = byId("search");
  const openFirst = async () => {
    await search.clear();
    await search.sendKeys("pivotal");
    await driver.wait(until.elementLocated(By.css("#results li.result mark")), 20000);
    await waitText("result-summary", /^1 quote/);
    await search.sendKeys(Key.ARROW_DOWN, Key.ENTER);
    await waitText("q-context", /pivotal moment/);
  };
  await openFirst();
  const field = await byId("q-title");
  await field.clear();
  await field.sendKeys("COO");
  await driver.findElement(By.css("body")).sendKeys(Key.ESCAPE);
  // Closed without saving, reopened: the edit is still there.
  await openFirst();
  await waitText("q-status", /unsaved changes are back/);
  assert.equal(await byId("q-title").getAttribute("value"), "COO");
  await byId("q-discard").click();
  assert.equal(await byId("q-title").getAttribute("value"), "chief operating officer");
  // A saved edit, undone.
  const again = await byId("q-title");
  await again.clear();
  await again.sendKeys("chief executive");
  await driver.findElement(By.css("#quote-panel button.primary")).click();
  await waitText("q-status", /Saved/);
  assert.equal(title(), "chief executive");
  await byId("toast-action").click();
  await driver.wait(async () => title() === "chief operating officer", 15000);
  // The citation, copied in the default style.
  await openFirst();
  await byId("q-cite").click();
  await waitText("q-status", /Citation copied/);
  const clipboard = execFileSync("xclip", ["-o", "-selection", "clipboard"], { encoding: "utf8" });
  assert.match(clipboard, /DeepSeek rushes to launch R2\. \(2025, February 26\)\. Reuters\./);
  await driver.findElement(By.css("body")).sendKeys(Key.ESCAPE);
});

/** Drops a fixture file on an element, as the desktop does when a file is dragged onto it. */
async function dropFile(id, name) {
  const b64 = readFileSync(join(root, "tests/fixtures/documents", name)).toString("base64");
  await driver.executeScript(
    `const [id, b64, name] = arguments;
     const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
     const data = new DataTransfer();
     data.items.add(new File([bytes], name));
     document.getElementById(id).dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));`,
    id,
    b64,
    name,
  );
}

test("a PDF, a transcript and a Word draft dropped on the window", async () => {
  const cli = process.env.ONRECORD_BIN ?? join(root, "target/debug/onrecord");
  await byId("nav-clip").click();
  // A PDF: each quotation with its page.
  await dropFile("clip-text", "statement.pdf");
  await waitText("clip-status", /2 quotation\(s\) found/);
  const pages = await Promise.all(
    (await driver.findElements(By.css('#candidates [data-field="locator"]'))).map((e) => e.getText()),
  );
  assert.deepEqual(pages, ["p. 1", "p. 2"]);
  // A transcript: "Speaker 2" named once names all its turns; only those are ticked and saved.
  await dropFile("clip-text", "interview.vtt");
  await waitText("clip-status", /4 quotation\(s\) found/);
  const label = await driver.findElement(By.css('input[data-label="Speaker 2"]'));
  await label.sendKeys("Maria Lopez");
  const speakers = await Promise.all(
    (await driver.findElements(By.css("#candidates input[data-field=speaker]"))).map((s) => s.getAttribute("value")),
  );
  assert.deepEqual(speakers, ["", "Maria Lopez", "", "Maria Lopez"]);
  const times = await Promise.all(
    (await driver.findElements(By.css('#candidates [data-field="locator"]'))).map((e) => e.getText()),
  );
  assert.deepEqual(times, ["00:14:03", "00:14:06", "00:14:13", "00:14:15"]);
  await shot("clip-transcript");
  await byId("clip-save").click();
  await waitText("clip-status", /Saved 2 quote/);
  const saved = JSON.parse(
    execFileSync(cli, ["--library", library, "search", 'speaker:"Maria Lopez" herring', "--json"], { encoding: "utf8" }),
  );
  assert.equal(saved.total, 1);
  assert.deepEqual(saved.hits[0].quote.locator, { start: "00:14:06.500", end: "00:14:12.500" });
  // A Word draft dropped on the check view is read and checked: nothing on record matches it.
  await byId("nav-check").click();
  await dropFile("draft", "draft.docx");
  await waitText("check-status", /1 unverified/);
  assert.match(await byId("draft").getAttribute("value"), /chief executive of Acme Corp\./);
  // The same draft picked with "Open a draft…" (the file input behind the system's chooser).
  await driver.executeScript("document.getElementById('draft').value = ''; document.getElementById('check-file').hidden = false;");
  await byId("check-file").sendKeys(join(root, "tests/fixtures/documents/statement.odt"));
  await waitText("check-status", /verified/);
  assert.match(await byId("draft").getAttribute("value"), /Harbor Wind: the mayor answers/);
  // A file that is no document is refused with what it looks like.
  await driver.executeScript(
    `const data = new DataTransfer();
     data.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0])], "photo.pdf"));
     document.getElementById("clip-text").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));`,
  );
  await byId("nav-clip").click();
  await waitText("clip-status", /looks like a PNG image/);
});

test("a speaker's quote count, and Show quotes lists them in the library", async () => {
  await byId("nav-speakers").click();
  const count = await driver.wait(until.elementLocated(By.css('[data-count="Vijayasimha Alilughatta"]')), 20000);
  await driver.wait(async () => /^2 quote\(s\)$/.test(await count.getText()), 10000);
  // A title held over time, added by hand, then removed.
  const form = await driver.findElement(By.xpath('//button[@data-set-affiliation="Vijayasimha Alilughatta"]/..'));
  await form.findElement(By.css('input[data-affiliation="title"]')).sendKeys("board member");
  await form.findElement(By.css('input[data-affiliation="organization"]')).sendKeys("Zensar");
  await form.findElement(By.css('input[data-affiliation="valid_from"]')).sendKeys("2020-01-01");
  await form.findElement(By.css('input[data-affiliation="valid_to"]')).sendKeys("2024-12-31");
  await form.findElement(By.css("button")).click();
  await waitText("speakers-status", /Added board member, Zensar for Vijayasimha Alilughatta/);
  await waitText("speakers", /board member\s*Zensar\s*2020-01-01\s*2024-12-31/);
  await driver.findElement(By.css('button[aria-label="Remove board member Zensar"]')).click();
  await waitText("speakers-status", /Removed board member, Zensar/);
  await driver.findElement(By.css('button[data-show="Vijayasimha Alilughatta"]')).click();
  await waitText("result-summary", /^2 quote/);
  assert.equal(await byId("search").getAttribute("value"), 'speaker:"Vijayasimha Alilughatta"');
});

test("settings: theme, default citation style, reindex and backup, in counts", async () => {
  await byId("nav-settings").click();
  await waitText("settings-folder", /quote\(s\) in/);
  const theme = async (value) => {
    await driver.executeScript(
      "const s = document.getElementById('settings-theme'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));",
      value,
    );
    return driver.executeScript(
      "return [document.documentElement.dataset.theme ?? '', getComputedStyle(document.documentElement).backgroundColor]",
    );
  };
  assert.deepEqual(await theme("dark"), ["dark", "rgb(21, 24, 29)"]);
  assert.deepEqual(await theme("light"), ["light", "rgb(251, 250, 247)"]);
  // The default citation style is where the export view starts.
  await driver.executeScript(
    "const s = document.getElementById('settings-style'); s.value = 'mla'; s.dispatchEvent(new Event('change'));",
  );
  await byId("nav-export").click();
  assert.equal(await byId("export-format").getAttribute("value"), "mla");
  await byId("nav-settings").click();
  // (Back to APA: the window keeps its settings from one run to the next.)
  await driver.executeScript(
    "const s = document.getElementById('settings-style'); s.value = 'apa'; s.dispatchEvent(new Event('change'));",
  );
  await byId("settings-reindex").click();
  await waitText("settings-reindex-status", /rebuilt: \d+ quote\(s\) searchable/);
  const target = join(exportDir, "backup.onrecord");
  await byId("settings-backup-path").sendKeys(target);
  await byId("settings-backup").click();
  await waitText("settings-backup-status", /Backed up \d+ quote\(s\)/);
  assert.ok(existsSync(target));
});

/** axe-core inside the real window: the serious and critical violations of what is shown. */
async function axeViolations() {
  const source = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await driver.executeScript(source);
  const result = await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     axe.run(document, { resultTypes: ["violations"] }).then(
       (r) => done(r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
         .map((v) => v.id + ": " + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", "))),
       (e) => done(["axe failed: " + e]),
     );`,
  );
  return result;
}

test("every view, light and dark: no serious accessibility violation, and its screenshot", async () => {
  const docs = join(root, "docs/screenshots");
  mkdirSync(docs, { recursive: true });
  const found = [];
  for (const mode of ["light", "dark"]) {
    await byId("nav-settings").click();
    await driver.executeScript(
      "const s = document.getElementById('settings-theme'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));",
      mode,
    );
    for (const view of ["library", "clip", "check", "export", "speakers", "stories", "inbox", "settings"]) {
      await byId(`nav-${view}`).click();
      if (view === "library") {
        await byId("search").clear();
        await byId("search").sendKeys("pivotal");
        await driver.wait(until.elementLocated(By.css("#results li.result mark")), 20000);
      }
      await driver.sleep(300);
      for (const v of await axeViolations()) found.push(`${view} (${mode}): ${v}`);
      writeFileSync(join(docs, `${view}-${mode}.png`), await driver.takeScreenshot(), "base64");
    }
  }
  await byId("nav-settings").click();
  await driver.executeScript(
    "const s = document.getElementById('settings-theme'); s.value = 'system'; s.dispatchEvent(new Event('change'));",
  );
  assert.deepEqual(found, []);
});

test("a search is answered while a 100,000-quote import runs", async () => {
  const rows = ["text,speaker,organization"];
  for (let i = 0; i < 100000; i++) rows.push(`"Imported remark number ${i} about the harbor",Speaker ${i % 997},Org ${i % 89}`);
  const file = join(exportDir, "many.csv");
  writeFileSync(file, rows.join("\n"));
  await byId("nav-settings").click();
  await byId("settings-import-path").clear();
  await byId("settings-import-path").sendKeys(file);
  await byId("settings-import").click();
  await waitText("settings-import-status", /Importing/);
  const started = Date.now();
  await byId("nav-library").click();
  await byId("search").clear();
  await byId("search").sendKeys("herring");
  // (Answered for this query: a highlighted "herring", which no earlier search showed.)
  await driver.wait(
    async () => {
      const marks = await driver.findElements(By.css("#results li.result mark"));
      const texts = await Promise.all(marks.map((m) => m.getText().catch(() => "")));
      return texts.some((t) => t.toLowerCase() === "herring");
    },
    20000,
  );
  const answered = Date.now() - started;
  // The import was still running when the search answered.
  const status = await driver.executeScript("return document.getElementById('settings-import-status').textContent");
  assert.match(status, /Importing/, `the import ended before the search answered (${answered} ms)`);
  // The status line counts the import as it goes.
  await waitText("status", /Importing: [\d,]+ of 100,000 quotes/, 60000);
  await byId("nav-settings").click();
  await waitText("settings-import-status", /Imported 100000 quote\(s\)/, 300000);
  console.log(`# search answered in ${answered} ms during the import`);
});
