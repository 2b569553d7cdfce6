// One quote: every field editable, the source, and the quote in its article context; delete
// with undo.

import { api, errorMessage } from "../backend/api";
import type { Quote, QuoteFields } from "../backend/types";
import { clear, h } from "../lib/dom";
import { MEDIUMS, fieldsOf, locatorLabel, mediumLabel, nameList } from "../lib/format";
import { citationStyle, styleLabel } from "../lib/settings";
import type { Shell } from "../main";

export function quotePanel(shell: Shell): { el: HTMLElement; open: (id: string) => Promise<void> } {
  const el = h("aside", { id: "quote-panel", class: "panel", hidden: true, "aria-label": "Quote" });

  const field = (label: string, input: HTMLElement) => h("label", {}, h("span", {}, label), input);
  // Edits not saved when the panel closed, by quote: reopening the quote brings them back.
  const drafts = new Map<string, QuoteFields>();

  const open = async (id: string) => {
    clear(el);
    el.hidden = false;
    let view;
    try {
      view = await api.quoteView(id);
    } catch (e) {
      el.append(h("p", { class: "error" }, errorMessage(e)));
      return;
    }
    const q = view.quote;
    const text = h("textarea", { id: "q-text", rows: "4" });
    text.value = q.text;
    const inputs: Record<string, HTMLInputElement> = {};
    const mk = (name: string, value: string | undefined) => {
      const i = h("input", { id: `q-${name}`, value: value ?? "" });
      i.value = value ?? "";
      inputs[name] = i;
      return i;
    };
    const withList = (input: HTMLInputElement, list: string) => {
      input.setAttribute("list", list);
      return input;
    };
    // Completion from the tags already in the library.
    const tagOptions = h("datalist", { id: "tag-options" });
    api
      .tags()
      .then((tags) => {
        for (const [tag] of tags) tagOptions.append(h("option", { value: tag }));
      })
      .catch(() => {});
    const medium = h("select", { id: "q-medium" });
    for (const m of MEDIUMS) medium.append(h("option", { value: m, selected: m === q.medium }, mediumLabel(m)));
    const status = h("p", { class: "muted", id: "q-status" });
    const save = h("button", { type: "button", class: "primary" }, "Save");
    const del = h("button", { type: "button", class: "danger", id: "q-delete" }, "Delete");
    const close = h("button", { type: "button", "aria-label": "Close" }, "Close");
    const fields = (): QuoteFields => ({
      text: text.value,
      speaker: inputs.speaker.value,
      co_speakers: nameList(inputs.co_speakers.value),
      title: inputs.title.value,
      organization: inputs.organization.value,
      organization_description: inputs.organization_description.value,
      medium: medium.value,
      told_to: inputs.told_to.value,
      said_on: inputs.said_on.value,
      tags: inputs.tags.value.split(",").map((t) => t.trim()).filter((t) => t),
      stories: nameList(inputs.stories.value),
      notes: inputs.notes.value,
    });
    const fill = (f: QuoteFields) => {
      text.value = f.text;
      for (const [name, value] of Object.entries(f)) {
        const input = inputs[name];
        if (!input) continue;
        input.value = Array.isArray(value) ? value.join(", ") : String(value ?? "");
      }
      medium.value = f.medium;
    };
    const before = fieldsOf(q);
    const cite = h("button", { type: "button", id: "q-cite" }, "Copy citation");
    const discard = h("button", { type: "button", id: "q-discard", hidden: true }, "Discard changes");
    save.addEventListener("click", async () => {
      try {
        await api.editQuote(q.id, fields());
        drafts.delete(q.id);
        discard.hidden = true;
        status.textContent = "Saved.";
        shell.refresh();
        shell.toast("Quote saved.", "Undo", async () => {
          await api.editQuote(q.id, before);
          shell.refresh();
          if (!el.hidden) await open(q.id);
        });
      } catch (e) {
        status.textContent = errorMessage(e);
      }
    });
    cite.addEventListener("click", async () => {
      try {
        const style = citationStyle();
        const r = await api.exportText({ ids: [q.id] }, style, "text");
        await api.copy(r.text);
        status.textContent = `Citation copied (${styleLabel(style)}).`;
      } catch (e) {
        status.textContent = errorMessage(e);
      }
    });
    discard.addEventListener("click", () => {
      drafts.delete(q.id);
      fill(before);
      discard.hidden = true;
      status.textContent = "Changes discarded.";
    });
    del.addEventListener("click", async () => {
      try {
        const removed: Quote = await api.deleteQuote(q.id);
        el.hidden = true;
        shell.refresh();
        shell.toast(`Deleted “${removed.text.slice(0, 40)}…”`, "Undo", async () => {
          await api.restoreQuote(removed);
          shell.refresh();
        });
      } catch (e) {
        status.textContent = errorMessage(e);
      }
    });
    close.addEventListener("click", () => {
      el.hidden = true;
    });

    const context = h("blockquote", { class: "context", id: "q-context" });
    if (view.before !== undefined || view.after !== undefined) {
      context.append(
        document.createTextNode(`…${view.before ?? ""}`),
        h("mark", {}, q.text),
        document.createTextNode(`${view.after ?? ""}…`),
      );
    } else {
      context.append(h("span", { class: "muted" }, "Added by hand: no article text to show it in."));
    }
    const src = view.source;
    const source = src
      ? h(
          "p",
          { class: "source" },
          [src.title, src.outlet, src.authors.join(", "), src.published, locatorLabel(q.locator)].filter((s) => s).join(" · "),
          src.url ? h("span", { class: "url" }, ` ${src.url}`) : null,
          src.url
            ? (() => {
                // (The window opens no browser: the address is copied to paste where wanted.)
                const url = src.url;
                const copy = h("button", { type: "button", id: "q-copy-url" }, "Copy link");
                copy.addEventListener("click", async () => {
                  try {
                    await api.copy(url);
                    status.textContent = "Link copied.";
                  } catch (e) {
                    status.textContent = errorMessage(e);
                  }
                });
                return copy;
              })()
            : null,
        )
      : h("p", { class: "muted" }, "No source recorded.");

    el.append(
      h("div", { class: "panel-head" }, h("h2", {}, "Quote"), close),
      field("Words", text),
      h(
        "div",
        { class: "grid" },
        field("Speaker", mk("speaker", q.speaker)),
        field("Said with (comma-separated)", mk("co_speakers", (q.co_speakers ?? []).join(", "))),
        field("Title", mk("title", q.title)),
        field("Organization", mk("organization", q.organization)),
        field("About the organization", mk("organization_description", q.organization_description)),
        field("How", medium),
        field("Told to", mk("told_to", q.told_to)),
        field("Said on (YYYY-MM-DD)", mk("said_on", q.said_on)),
        field("Tags (comma-separated)", withList(mk("tags", q.tags.join(", ")), "tag-options")),
        tagOptions,
        field("Stories (comma-separated)", mk("stories", (q.stories ?? []).join(", "))),
      ),
      field("Notes", mk("notes", q.notes)),
      h("div", { class: "row" }, save, discard, cite, del),
      status,
      h("h3", {}, "Source"),
      source,
      h("h3", {}, "In the article"),
      context,
    );
    // Unsaved edits outlive the panel: kept as a draft while typing, brought back on reopening.
    const kept = drafts.get(q.id);
    if (kept) {
      fill(kept);
      discard.hidden = false;
      status.textContent = "Your unsaved changes are back: Save them, or Discard.";
    }
    el.oninput = () => {
      drafts.set(q.id, fields());
      discard.hidden = false;
    };
  };
  return { el, open };
}
