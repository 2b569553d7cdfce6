// Settings and maintenance: the library folder, the theme, the default citation style; import a
// file, rebuild the search index, back the library up — each saying what it did, in counts.

import { api, errorMessage } from "../backend/api";
import { clear, h } from "../lib/dom";
import { STYLES, type Theme, citationStyle, setCitationStyle, setTheme, theme } from "../lib/settings";
import type { Shell } from "../main";

export function settingsView(shell: Shell): HTMLElement & { refresh: () => void } {
  const folder = h("p", { id: "settings-folder" });
  const themeSelect = h(
    "select",
    { id: "settings-theme", "aria-label": "Theme" },
    h("option", { value: "system" }, "As the system"),
    h("option", { value: "light" }, "Light"),
    h("option", { value: "dark" }, "Dark"),
  ) as HTMLSelectElement;
  themeSelect.addEventListener("change", () => setTheme(themeSelect.value as Theme));
  const styleSelect = h("select", { id: "settings-style", "aria-label": "Default citation style" }) as HTMLSelectElement;
  for (const [value, label] of STYLES) styleSelect.append(h("option", { value }, label));
  styleSelect.addEventListener("change", () => setCitationStyle(styleSelect.value));

  const importPath = h("input", { id: "settings-import-path", placeholder: "/path/to/quotes.json, .jsonl, .csv or .tsv", "aria-label": "File to import" });
  const importButton = h("button", { type: "button", id: "settings-import" }, "Import");
  const importStatus = h("p", { class: "muted", id: "settings-import-status", role: "status" });
  importButton.addEventListener("click", async () => {
    if (!importPath.value.trim()) {
      importStatus.textContent = "Type the path of the file to import first.";
      return;
    }
    importStatus.textContent = "Importing…";
    importButton.disabled = true;
    try {
      const r = await api.importFile(importPath.value.trim());
      importStatus.textContent = `Imported ${r.imported} quote(s)` + (r.skipped ? `; ${r.skipped} were already in the library.` : ".");
      shell.refresh();
    } catch (e) {
      importStatus.textContent = errorMessage(e);
    } finally {
      importButton.disabled = false;
    }
  });

  const reindexButton = h("button", { type: "button", id: "settings-reindex" }, "Rebuild the search index");
  const reindexStatus = h("p", { class: "muted", id: "settings-reindex-status", role: "status" });
  reindexButton.addEventListener("click", async () => {
    reindexStatus.textContent = "Rebuilding the search index from the database…";
    reindexButton.disabled = true;
    try {
      const n = await api.reindex();
      reindexStatus.textContent = `The search index was rebuilt: ${n} quote(s) searchable.`;
    } catch (e) {
      reindexStatus.textContent = errorMessage(e);
    } finally {
      reindexButton.disabled = false;
    }
  });

  const backupPath = h("input", { id: "settings-backup-path", placeholder: "/home/you/quotes-2026-12-07.onrecord", "aria-label": "Backup file" });
  const backupForce = h("input", { id: "settings-backup-force", type: "checkbox" });
  const backupButton = h("button", { type: "button", id: "settings-backup" }, "Back up");
  const backupStatus = h("p", { class: "muted", id: "settings-backup-status", role: "status" });
  backupButton.addEventListener("click", async () => {
    if (!backupPath.value.trim()) {
      backupStatus.textContent = "Type the folder to back up to first.";
      return;
    }
    backupStatus.textContent = "Backing up…";
    try {
      const r = await api.backup(backupPath.value.trim(), (backupForce as HTMLInputElement).checked);
      backupStatus.textContent = `Backed up ${r.quotes} quote(s) (${(r.bytes / 1024).toFixed(0)} KB) to ${r.path}.`;
    } catch (e) {
      backupStatus.textContent = errorMessage(e);
    }
  });

  const el = h(
    "section",
    { class: "view", id: "view-settings", hidden: true },
    h("h2", {}, "Settings"),
    h("h3", {}, "Library"),
    folder,
    h("h3", {}, "Appearance and citations"),
    h(
      "div",
      { class: "grid" },
      h("label", { class: "field" }, h("span", {}, "Theme"), themeSelect),
      h("label", { class: "field" }, h("span", {}, "Default citation style"), styleSelect),
    ),
    h("h3", {}, "Import"),
    h("div", { class: "row" }, importPath, importButton),
    importStatus,
    h("h3", {}, "Maintenance"),
    h("div", { class: "row" }, reindexButton),
    reindexStatus,
    h("div", { class: "row" }, backupPath, h("label", {}, backupForce, " replace an existing file"), backupButton),
    backupStatus,
  ) as HTMLElement & { refresh: () => void };
  el.refresh = () => {
    themeSelect.value = theme();
    styleSelect.value = citationStyle();
    api
      .libraryInfo()
      .then((info) => {
        clear(folder);
        folder.append(`${info.quotes} quote(s) in `, h("code", {}, info.path));
      })
      .catch((e) => {
        folder.textContent = errorMessage(e);
      });
  };
  return el;
}
