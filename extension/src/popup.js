// The popup: clip the page in the active tab, show the quotations with who said them, tick and
// save, or send the page to the inbox to review in the app. `?tab=ID` names the tab when the
// popup is opened as a page (the end-to-end test does).

import { ask, capturePage, ext } from "./browser.js";
import { chosen, clippable, pageMessage, savedText, whoLine } from "./lib.js";

const $ = (id) => document.getElementById(id);
const status = (text, kind = "") => {
  $("status").textContent = text;
  $("status").className = kind;
};

let page = null;
let rows = [];

async function targetTab() {
  const param = new URLSearchParams(location.search).get("tab");
  if (param) return ext.tabs.get(Number(param));
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab;
}

function field(row, name, label) {
  const input = document.createElement("input");
  input.value = row[name] ?? "";
  input.placeholder = label;
  input.setAttribute("aria-label", label);
  input.dataset.field = name;
  input.addEventListener("input", () => {
    row[name] = input.value;
  });
  return input;
}

function render(reply) {
  const list = $("quotes");
  list.replaceChildren();
  rows = reply.quotes.map((q) => ({
    quote: q,
    keep: Boolean(q.speaker),
    speaker: q.speaker ?? "",
    title: q.title ?? "",
    organization: q.organization ?? "",
  }));
  const a = reply.article ?? {};
  $("article").textContent = [a.title, a.site_name, a.published].filter((s) => s).join(" · ");
  for (const row of rows) {
    const li = document.createElement("li");
    li.className = "quote";
    const keep = document.createElement("input");
    keep.type = "checkbox";
    keep.checked = row.keep;
    keep.setAttribute("aria-label", "Save this quotation");
    keep.addEventListener("change", () => {
      row.keep = keep.checked;
    });
    const text = document.createElement("p");
    text.className = "text";
    text.textContent = `“${row.quote.text}”`;
    const who = document.createElement("p");
    who.className = "who";
    who.textContent = whoLine(row.quote);
    const edit = document.createElement("div");
    edit.className = "edit";
    edit.append(field(row, "speaker", "Speaker"), field(row, "title", "Title"), field(row, "organization", "Organization"));
    li.append(keep, text, who, edit);
    list.append(li);
  }
  $("save").disabled = rows.length === 0;
  status(reply.message ?? `${rows.length} quotation${rows.length === 1 ? "" : "s"} found.`);
}

async function run(action) {
  try {
    await action();
  } catch (e) {
    status(e.message, "error");
  }
}

$("save").addEventListener("click", () =>
  run(async () => {
    const quotes = chosen(rows);
    if (quotes.length === 0) return status("Tick the quotations to save first.", "error");
    const reply = await ask(pageMessage("save", page, { quotes }));
    status(savedText(reply), "done");
  }),
);

$("inbox").addEventListener("click", () =>
  run(async () => {
    const reply = await ask(pageMessage("inbox", page));
    status(`Sent to the inbox (${reply.count} waiting). Review it in the OnRecord app.`, "done");
  }),
);

run(async () => {
  const tab = await targetTab();
  if (!tab || !clippable(tab.url)) {
    $("save").disabled = true;
    $("inbox").disabled = true;
    return status("Open an article (a web page) to clip its quotations.", "error");
  }
  status("Reading the page…");
  page = await capturePage(tab.id);
  render(await ask(pageMessage("clip", page)));
});
