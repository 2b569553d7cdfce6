// Export: pick the format and the selection; save to a file or copy to the clipboard.

import { api, errorMessage } from "../backend/api";
import { h } from "../lib/dom";
import { citationStyle } from "../lib/settings";

const FORMATS: [string, string][] = [
  ["bibtex", "BibTeX / BibLaTeX"],
  ["csl-json", "CSL-JSON"],
  ["ris", "RIS"],
  ["apa", "APA 7"],
  ["mla", "MLA 9"],
  ["chicago", "Chicago author-date"],
  ["markdown", "AP-style attribution lines"],
  ["json", "OnRecord JSON (lossless)"],
];

export function exportView(): HTMLElement {
  const format = h("select", { id: "export-format", "aria-label": "Format" });
  for (const [value, label] of FORMATS) format.append(h("option", { value }, label));
  // Starts from the default citation style chosen in Settings (again whenever it changes).
  let defaultStyle = "";
  const followDefault = () => {
    if (citationStyle() !== defaultStyle) {
      defaultStyle = citationStyle();
      format.value = defaultStyle;
    }
  };
  followDefault();
  const markup = h(
    "select",
    { id: "export-markup", "aria-label": "Markup for references" },
    h("option", { value: "text" }, "Plain text"),
    h("option", { value: "html" }, "HTML"),
    h("option", { value: "markdown" }, "Markdown"),
  );
  const query = h("input", { id: "export-query", placeholder: "Which quotes: a search (empty = all)" });
  const path = h("input", { id: "export-path", placeholder: "/home/you/quotes.bib" });
  const force = h("input", { id: "export-force", type: "checkbox" });
  const save = h("button", { type: "button", class: "primary", id: "export-save" }, "Save to file");
  const copy = h("button", { type: "button", id: "export-copy" }, "Copy to clipboard");
  const preview = h("pre", { id: "export-preview", class: "preview" });
  const status = h("p", { class: "muted", id: "export-status", role: "status" });

  const selection = () => ({ query: query.value });
  const refresh = async () => {
    followDefault();
    try {
      const r = await api.exportText(selection(), format.value, markup.value);
      preview.textContent = r.text;
      status.textContent = `${r.count} quote(s) selected.`;
    } catch (e) {
      preview.textContent = "";
      status.textContent = errorMessage(e);
    }
  };
  for (const el of [format, markup]) el.addEventListener("change", refresh);
  query.addEventListener("change", refresh);

  save.addEventListener("click", async () => {
    try {
      const r = await api.exportFile(selection(), format.value, markup.value, path.value, force.checked);
      status.textContent = `Saved ${r.count} quote(s) to ${r.text}.`;
    } catch (e) {
      status.textContent = errorMessage(e);
    }
  });
  copy.addEventListener("click", async () => {
    try {
      const r = await api.exportText(selection(), format.value, markup.value);
      await api.copy(r.text);
      preview.textContent = r.text;
      status.textContent = `Copied ${r.count} quote(s) to the clipboard.`;
    } catch (e) {
      status.textContent = errorMessage(e);
    }
  });

  const view = h(
    "section",
    { class: "view", id: "view-export", hidden: true },
    h("h2", {}, "Export"),
    h("div", { class: "grid" }, h("label", {}, h("span", {}, "Format"), format), h("label", {}, h("span", {}, "References as"), markup)),
    h("label", {}, h("span", {}, "Quotes"), query),
    h("div", { class: "row" }, path, h("label", { class: "inline" }, force, " overwrite"), save, copy),
    status,
    preview,
  );
  (view as HTMLElement & { refresh?: () => void }).refresh = refresh;
  return view;
}
