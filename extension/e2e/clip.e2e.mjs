// End to end in a real browser: Debian's Chromium, headless, with the unpacked extension loaded
// and the host manifest installed into the test's own profile by `onrecord browser install`. A
// fixture article served on 127.0.0.1 is clipped from the popup (opened as a page, with the
// tab it clips named in its address), the quotations show with their speakers, two are saved;
// a selection is saved as the context menu saves it; the page is sent to the inbox. Each step
// is checked in the library through the CLI.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const bin = process.env.ONRECORD_BIN ?? join(root, "target/debug/onrecord");
const browserPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const extension = join(here, "../dist/chromium-test");
const EXTENSION_ID = "nbdehldpgdhlgcjecjkdjehojndkfebk";
const article = readFileSync(join(root, "tests/fixtures/article.html"), "utf8");

const work = mkdtempSync(join(tmpdir(), "onrecord-e2e-"));
const library = join(work, "library");
const profile = join(work, "profile");
const onrecord = (...args) => JSON.parse(execFileSync(bin, ["--library", library, ...args, "--json"], { encoding: "utf8" }));

const server = createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(article);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const pageUrl = `http://127.0.0.1:${server.address().port}/transit.html`;

let context;
try {
  const installed = onrecord("browser", "install", "--browser", "chromium", "--profile", profile);
  assert.equal(installed.length, 1);

  context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20000 }));
  assert.ok(worker.url().startsWith(`chrome-extension://${EXTENSION_ID}/`), worker.url());

  const tab = await context.newPage();
  await tab.goto(pageUrl);
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0].id, pageUrl);

  // The popup: the quotations with their speakers.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${tabId}`);
  await popup.waitForSelector("li.quote", { timeout: 30000 });
  const who = await popup.$$eval("li.quote .who", (els) => els.map((e) => e.textContent));
  assert.ok(who.length >= 3, `quotations shown: ${who}`);
  assert.match(who[0], /^Maria Gonzalez/);
  assert.match(await popup.textContent("#article"), /City council approves new transit plan/);
  if (process.env.ONRECORD_SCREENSHOT) {
    // (docs/screenshots/extension-popup.png is taken here: ONRECORD_SCREENSHOT=path.)
    await popup.setViewportSize({ width: 444, height: 640 });
    await popup.screenshot({ path: process.env.ONRECORD_SCREENSHOT });
  }

  // Tick only the first two (the popup ticks every one with a speaker), then save.
  const boxes = await popup.$$("li.quote input[type=checkbox]");
  for (const box of boxes.slice(2)) await box.uncheck();
  await popup.click("#save");
  await popup.waitForFunction(() => /Saved 2 quotes/.test(document.getElementById("status").textContent), null, { timeout: 30000 });
  let found = onrecord("search", "speaker:gonzalez");
  assert.ok(found.total >= 1, JSON.stringify(found));
  assert.equal(found.hits[0].quote.source.url, pageUrl);

  // A selection inside a quotation, saved as the context menu saves it.
  const third = await popup.$$eval("li.quote .text", (els) => els[2].textContent.replace(/[“”]/g, ""));
  const words = third.split(/\s+/).slice(2, 6).join(" ");
  const reply = await worker.evaluate(
    async ([id, text]) => globalThis.onrecordSaveSelection(await chrome.tabs.get(id), text),
    [tabId, words],
  );
  assert.equal(reply.type, "saved", JSON.stringify(reply));
  assert.equal(reply.quote.text, third);
  const badge = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  assert.equal(badge, "✓");

  // Send to inbox.
  await popup.click("#inbox");
  await popup.waitForFunction(() => /Sent to the inbox/.test(document.getElementById("status").textContent), null, { timeout: 30000 });
  const inbox = onrecord("inbox");
  assert.equal(inbox.length, 1);
  assert.equal(inbox[0].url, pageUrl);
  console.log(`browser e2e: ok (${who.length} quotations shown, 3 saved, 1 page in the inbox)`);
} finally {
  await context?.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
