// One quote: every field editable, the source, and the quote in its article context; delete
// with undo.

import { api, errorMessage } from "../backend/api";
import type { Quote, QuoteFields } from "../backend/types";
import { clear, h } from "../lib/dom";
import { MEDIUMS, mediumLabel, nameList } from "../lib/format";
import type { Shell } from "../main";

export function quotePanel(shell: Shell): { el: HTMLElement; open: (id: string) => Promise<void> } {
  const el = h("aside", { id: "quote-panel", class: "panel", hidden: true, "aria-label": "Quote" });

  const field = (label: string, input: HTMLElement) => h("label", {}, h("span", {}, label), input);

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
    save.addEventListener("click", async () => {
      try {
        await api.editQuote(q.id, fields());
        status.textContent = "Saved.";
        shell.refresh();
      } catch (e) {
        status.textContent = errorMessage(e);
      }
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
          [src.title, src.outlet, src.authors.join(", "), src.published].filter((s) => s).join(" · "),
          src.url ? h("span", { class: "url" }, ` ${src.url}`) : null,
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
      h("div", { class: "row" }, save, del),
      status,
      h("h3", {}, "Source"),
      source,
      h("h3", {}, "In the article"),
      context,
    );
  };
  return { el, open };
}
