// Check: a draft editor; each quotation highlighted by verdict, and a side panel explaining
// each problem with the record and the word diff.

import { api, errorMessage } from "../backend/api";
import type { CheckReport, Finding } from "../backend/types";
import { clear, h } from "../lib/dom";
import { problemLine, verdictLabel, whereLine, whoLine } from "../lib/format";
import { segments } from "../lib/text";
import type { Shell } from "../main";

export function checkView(shell: Shell): HTMLElement {
  const draft = h("textarea", {
    id: "draft",
    rows: "10",
    placeholder:
      "Paste a draft, or drop one on this box (text, Word, OpenDocument or PDF): every quotation in it is checked against your library.",
  });
  const run = h("button", { type: "button", class: "primary", id: "check-run" }, "Check quotes");
  const rendered = h("div", { id: "draft-rendered", class: "draft", "aria-live": "polite" });
  const findings = h("ol", { id: "findings", class: "findings" });
  const status = h("p", { class: "muted", id: "check-status", role: "status" });

  const explain = (f: Finding, i: number) => {
    const li = h(
      "li",
      { class: `finding verdict-${f.verdict}`, id: `finding-${i}` },
      h("span", { class: `badge verdict-${f.verdict}` }, verdictLabel(f.verdict)),
      h("p", { class: "quote-text" }, `“${f.quote}”`),
    );
    for (const p of f.problems ?? []) li.append(h("p", { class: "problem" }, problemLine(p)));
    if (f.record) {
      const record = f.record;
      const open = h("button", { type: "button", class: "open-record", "data-finding": String(i) }, "Open the record");
      open.addEventListener("click", () => shell.openQuote(record.id));
      const copy = h("button", { type: "button", class: "copy-correct", "data-finding": String(i) }, "Copy the correct attribution");
      copy.addEventListener("click", async () => {
        try {
          await api.copy(f.correct ?? "");
          status.textContent = `Copied: ${f.correct}`;
        } catch (e) {
          status.textContent = errorMessage(e);
        }
      });
      li.append(
        h("p", { class: "record" }, "On record: ", h("q", {}, record.text)),
        h("p", { class: "muted" }, `${whoLine(record)} · ${whereLine(record)}`),
        h("div", { class: "row" }, open, f.correct ? copy : null),
      );
    }
    const parts = f.diff ?? [];
    if (parts.some((d) => d.op !== "equal")) {
      const diff = h("p", { class: "diff" });
      for (const d of parts) {
        diff.append(d.op === "equal" ? document.createTextNode(d.text) : h(d.op === "insert" ? "ins" : "del", {}, d.text));
      }
      li.append(diff);
    }
    if (f.verdict === "unverified") li.append(h("p", { class: "muted" }, "Nothing in your library is close to these words."));
    return li;
  };

  const show = (text: string, report: CheckReport) => {
    clear(rendered);
    clear(findings);
    const ranges = report.findings.map((f, i) => ({ start: f.start, end: f.end, tag: i }));
    for (const seg of segments(text, ranges)) {
      if (seg.tag === undefined) {
        rendered.append(document.createTextNode(seg.text));
      } else {
        const f = report.findings[seg.tag];
        const mark = h("mark", { class: `verdict-${f.verdict}`, title: verdictLabel(f.verdict), "data-finding": String(seg.tag) }, seg.text);
        mark.addEventListener("click", () => document.getElementById(`finding-${seg.tag}`)?.scrollIntoView({ block: "nearest" }));
        rendered.append(mark);
      }
    }
    report.findings.forEach((f, i) => findings.append(explain(f, i)));
    const counts = report.findings.reduce<Record<string, number>>((m, f) => ((m[f.verdict] = (m[f.verdict] ?? 0) + 1), m), {});
    status.textContent =
      report.findings.length === 0
        ? "No quotations found in the draft."
        : Object.entries(counts).map(([v, n]) => `${n} ${v}`).join(", ") +
          (report.unclosed?.length ? `; ${report.unclosed.length} quotation mark(s) never closed` : "");
  };

  const check = async () => {
    status.textContent = "Checking…";
    const text = draft.value;
    try {
      show(text, await api.check(text));
    } catch (e) {
      status.textContent = errorMessage(e);
    }
  };
  run.addEventListener("click", check);
  // A dropped draft is read by the core (Word, OpenDocument, PDF or text), shown, and checked.
  const readFile = async (file: File) => {
    status.textContent = `Reading ${file.name}…`;
    try {
      draft.value = await api.readDraft(file.name, Array.from(new Uint8Array(await file.arrayBuffer())));
      await check();
    } catch (err) {
      status.textContent = errorMessage(err);
    }
  };
  draft.addEventListener("dragover", (e) => e.preventDefault());
  draft.addEventListener("drop", async (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    if (file) await readFile(file);
  });
  // Or picked with the system's file chooser.
  const picker = h("input", { type: "file", id: "check-file", hidden: true, accept: ".docx,.odt,.pdf,.txt,.md", "aria-label": "A draft to check" }) as HTMLInputElement;
  picker.addEventListener("change", async () => {
    const file = picker.files?.[0];
    if (file) await readFile(file);
    picker.value = "";
  });
  const open = h("button", { type: "button", id: "check-open" }, "Open a draft…");
  open.addEventListener("click", () => picker.click());
  // Ctrl+Enter checks again from the draft.
  draft.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      check();
    }
  });

  return h(
    "section",
    { class: "view", id: "view-check", hidden: true },
    h("h2", {}, "Check a draft"),
    draft,
    h("div", { class: "row" }, run, open, picker),
    status,
    h("div", { class: "split" }, rendered, findings),
  );
}
