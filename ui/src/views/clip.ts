// Clip: paste a URL or text, or drop a file (a saved page, a PDF, a Word or OpenDocument file, a
// transcript); candidates listed with speaker, title, organization, medium and where they stand
// (page, time), each editable before saving; a transcript's labels named once for all its
// turns; save the selected ones.

import { api, errorMessage } from "../backend/api";
import type { Clip } from "../backend/types";
import { clear, h } from "../lib/dom";
import { MEDIUMS, locatorLabel, mediumLabel, nameList } from "../lib/format";
import { sentenceAround } from "../lib/text";
import type { Shell } from "../main";

export function clipView(shell: Shell): HTMLElement & { review: (c: Clip, onSaved: () => Promise<void>) => void } {
  const url = h("input", { id: "clip-url", type: "url", placeholder: "https://… (an article to fetch)" });
  const text = h("textarea", {
    id: "clip-text",
    rows: "8",
    placeholder:
      "…or paste the article's text here, or drop a file on this box: a saved page, a PDF, a Word or OpenDocument file, or an interview transcript (.vtt, .srt, “Name: words” text)",
  });
  const run = h("button", { type: "button", class: "primary", id: "clip-run" }, "Find quotes");
  const status = h("p", { class: "muted", id: "clip-status", role: "status" });
  const list = h("div", { id: "candidates" });
  const save = h("button", { type: "button", class: "primary", id: "clip-save", hidden: true }, "Save selected");
  const all = h("button", { type: "button", id: "clip-all" }, "Select all");
  const none = h("button", { type: "button", id: "clip-none" }, "Select none");
  const tickAll = (on: boolean) =>
    list.querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((b) => {
      b.checked = on;
    });
  all.addEventListener("click", () => tickAll(true));
  none.addEventListener("click", () => tickAll(false));
  // Always in view while reviewing a long article.
  const saveBar = h("div", { class: "row savebar", hidden: true }, save, all, none);
  let clip: Clip | null = null;
  // Set while reviewing a page from the inbox: run once its quotes are saved.
  let afterSave: (() => Promise<void>) | null = null;

  const show = (c: Clip) => {
    clip = c;
    clear(list);
    // What the citation will say about the article: editable, since pasted text carries none.
    const meta = (id: string, label: string, key: "title" | "site_name" | "published" | "url") => {
      const input = h("input", { id, placeholder: label, "aria-label": label });
      input.value = c.article[key] ?? "";
      input.addEventListener("input", () => {
        c.article[key] = input.value.trim() || undefined;
      });
      return h("label", {}, h("span", {}, label), input);
    };
    list.append(
      h(
        "div",
        { class: "grid article-meta" },
        meta("clip-title", "Headline", "title"),
        meta("clip-outlet", "Outlet", "site_name"),
        meta("clip-date", "Published (YYYY-MM-DD)", "published"),
        meta("clip-source-url", "URL", "url"),
      ),
    );
    if (c.quotes.length === 0) {
      list.append(h("p", {}, "No quotations found in this text."));
    }
    // A transcript names its speakers by labels ("Speaker 2"): named here once, for every turn.
    const speakerInputs: HTMLInputElement[] = [];
    const labels = [...new Set(c.quotes.map((q) => q.mention).filter((m): m is string => !!m))];
    if (["vtt", "srt", "transcript"].includes(c.format ?? "") && labels.length > 0) {
      const rows = labels.map((label, n) => {
        const turns = c.quotes.filter((q) => q.mention === label);
        const input = h("input", { id: `label-${n}`, "data-label": label, placeholder: "Who is this?", "aria-label": `Who “${label}” is` });
        input.value = turns.find((q) => q.speaker)?.speaker ?? "";
        input.addEventListener("input", () => {
          const name = input.value.trim() || undefined;
          c.quotes.forEach((q, i) => {
            if (q.mention !== label) return;
            q.speaker = name;
            if (speakerInputs[i]) speakerInputs[i].value = name ?? "";
            const box = list.querySelector<HTMLInputElement>(`input[type=checkbox][data-index="${i}"]`);
            if (box) box.checked = !!name;
          });
        });
        return h("label", { class: "field" }, h("span", {}, `${label} (${turns.length} turn${turns.length === 1 ? "" : "s"})`), input);
      });
      list.append(h("fieldset", { class: "transcript-speakers" }, h("legend", {}, "Speakers in this transcript"), h("div", { class: "grid" }, ...rows)));
    }
    c.quotes.forEach((q, i) => {
      const keep = h("input", { type: "checkbox", checked: !!q.speaker, "data-index": String(i), "aria-label": "Keep this quote" });
      // Every field with its label above it.
      const labelled = (label: string, el: HTMLElement) => h("label", { class: "field" }, h("span", {}, label), el);
      const inp = (name: "speaker" | "title" | "organization" | "told_to" | "said_on", label: string) => {
        const el = h("input", { "data-field": name, placeholder: label, "aria-label": label });
        el.value = (q[name] as string | undefined | null) ?? "";
        el.addEventListener("input", () => {
          (q as unknown as Record<string, string | undefined>)[name] = el.value.trim() || undefined;
        });
        if (name === "speaker") speakerInputs[i] = el;
        return labelled(label, el);
      };
      const with_ = h("input", { "data-field": "co_speakers", placeholder: "Said with", "aria-label": "Said with" });
      with_.value = (q.co_speakers ?? []).join(", ");
      with_.addEventListener("input", () => {
        q.co_speakers = nameList(with_.value);
      });
      const tags = h("input", { "data-field": "tags", placeholder: "Tags", "aria-label": "Tags" });
      tags.value = (q.tags ?? []).join(", ");
      tags.addEventListener("input", () => {
        q.tags = nameList(tags.value);
      });
      const around = sentenceAround(c.article.text, q.start, q.end);
      const medium = h("select", { "data-field": "medium", "aria-label": "How it was said" });
      for (const m of MEDIUMS) medium.append(h("option", { value: m, selected: m === q.medium }, mediumLabel(m)));
      medium.addEventListener("change", () => {
        q.medium = medium.value;
      });
      list.append(
        h(
          "div",
          { class: "candidate" },
          h("label", { class: "keep" }, keep),
          h(
            "div",
            {},
            h("p", { class: "quote-text" }, `“${q.text}”`),
            locatorLabel(q.locator) ? h("p", { class: "muted locator", "data-field": "locator" }, locatorLabel(q.locator)) : null,
            h(
              "p",
              { class: "context muted", "data-field": "context" },
              around.before,
              h("mark", {}, "…"),
              around.after,
            ),
            h(
              "div",
              { class: "grid" },
              inp("speaker", "Speaker"),
              labelled("Said with", with_),
              inp("title", "Title"),
              inp("organization", "Organization"),
              labelled("How", medium),
              inp("told_to", "Told to"),
              inp("said_on", "Said on (YYYY-MM-DD)"),
              labelled("Tags", tags),
            ),
            q.note ? h("p", { class: "muted" }, q.note) : null,
          ),
        ),
      );
    });
    save.hidden = c.quotes.length === 0;
    saveBar.hidden = c.quotes.length === 0;
    status.textContent = `${c.quotes.length} quotation(s) found${c.unclosed?.length ? `; ${c.unclosed.length} quotation mark(s) never closed` : ""}.`;
  };

  const go = async (f: () => Promise<Clip>) => {
    status.textContent = "Reading the article…";
    run.disabled = true;
    try {
      show(await f());
    } catch (e) {
      status.textContent = errorMessage(e);
    } finally {
      run.disabled = false;
    }
  };

  run.addEventListener("click", () => {
    if (url.value.trim()) go(() => api.clipUrl(url.value.trim()));
    else if (text.value.trim()) go(() => api.clipText(text.value));
    else status.textContent = "Paste a URL or the article's text first.";
  });

  const clipFile = async (file: File) => {
    const bytes = Array.from(new Uint8Array(await file.arrayBuffer()));
    go(() => api.clipFile(file.name, bytes));
  };
  text.addEventListener("dragover", (e) => e.preventDefault());
  text.addEventListener("drop", async (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    if (file) await clipFile(file);
  });
  // The system's file chooser, for those who would rather pick than drop.
  const picker = h("input", {
    type: "file",
    id: "clip-file",
    hidden: true,
    accept: ".pdf,.docx,.odt,.html,.htm,.txt,.vtt,.srt,.md",
    "aria-label": "A file to clip",
  }) as HTMLInputElement;
  picker.addEventListener("change", async () => {
    const file = picker.files?.[0];
    if (file) await clipFile(file);
    picker.value = "";
  });
  const open = h("button", { type: "button", id: "clip-open" }, "Open a file…");
  open.addEventListener("click", () => picker.click());

  save.addEventListener("click", async () => {
    if (!clip) return;
    if (clip.article.published && !/^\d{4}-\d{2}-\d{2}$/.test(clip.article.published)) {
      status.textContent = `“${clip.article.published}” is not a date: write it as YYYY-MM-DD, e.g. 2025-02-26.`;
      return;
    }
    const boxes = Array.from(list.querySelectorAll<HTMLInputElement>("input[type=checkbox]"));
    const kept = clip.quotes.filter((_, i) => boxes[i]?.checked);
    try {
      const report = await api.saveClip({ ...clip, quotes: kept });
      if (afterSave) {
        const done = afterSave;
        afterSave = null;
        await done();
      }
      status.textContent =
        `Saved ${report.saved.length} quote(s)` +
        (report.already_saved ? `; ${report.already_saved} were already in the library` : "") +
        (report.without_speaker ? `; ${report.without_speaker} need a speaker first` : "") +
        ".";
      shell.refresh();
    } catch (e) {
      status.textContent = errorMessage(e);
    }
  });

  const el = h(
    "section",
    { class: "view", id: "view-clip", hidden: true },
    h("h2", {}, "Clip an article"),
    url,
    text,
    h("div", { class: "row" }, run, open, picker),
    status,
    list,
    saveBar,
  ) as HTMLElement & { review: (c: Clip, onSaved: () => Promise<void>) => void };
  el.review = (c, onSaved) => {
    afterSave = onSaved;
    show(c);
  };
  return el;
}
