// Speakers: each with aliases and the timeline of titles and employers. Two spellings of one
// person are merged here, a name corrected, an alias added.

import { api, errorMessage } from "../backend/api";
import type { Speaker } from "../backend/types";
import { clear, h } from "../lib/dom";
import type { Shell } from "../main";

export function speakersView(shell: Shell): HTMLElement {
  const list = h("div", { id: "speakers" });
  const status = h("p", { class: "muted", id: "speakers-status", role: "status" });
  const from = h("select", { id: "merge-from", "aria-label": "Speaker to merge" });
  const into = h("select", { id: "merge-into", "aria-label": "Speaker to keep" });
  const merge = h("button", { type: "button", id: "merge-speakers" }, "Merge");
  const renameWho = h("select", { id: "rename-who", "aria-label": "Speaker to rename" });
  const renameTo = h("input", { id: "rename-to", placeholder: "Correct name", "aria-label": "Correct name" });
  const rename = h("button", { type: "button", id: "rename-speaker" }, "Rename");
  const aliasWho = h("select", { id: "alias-who", "aria-label": "Speaker" });
  const alias = h("input", { id: "alias-name", placeholder: "Another name", "aria-label": "Another name" });
  const addAlias = h("button", { type: "button", id: "add-alias" }, "Add alias");

  const options = (select: HTMLSelectElement, speakers: Speaker[]) => {
    const keep = select.value;
    clear(select);
    for (const s of speakers) select.append(h("option", { value: s.name, selected: s.name === keep }, s.name));
  };
  const act = async (f: () => Promise<string>) => {
    try {
      status.textContent = await f();
      await refresh();
    } catch (e) {
      status.textContent = errorMessage(e);
    }
  };
  merge.addEventListener("click", () =>
    act(async () => {
      if (from.value === into.value) return "Choose two different speakers to merge.";
      const [a, b] = [from.value, into.value];
      const merged = await api.mergeSpeakers(a, b);
      // One undo puts everything back: the speaker, their quotes, titles and aliases.
      shell.toast(`Merged ${a} into ${b}.`, "Undo", async () => {
        try {
          await api.undoMerge(merged.undo);
          status.textContent = `Undone: ${a} is a speaker of their own again.`;
        } catch (e) {
          status.textContent = errorMessage(e);
        }
        await refresh();
        shell.refresh();
      });
      return `Merged ${a} into ${b}: ${merged.moved} quote(s) moved; “${a}” is now an alias.`;
    }),
  );
  rename.addEventListener("click", () =>
    act(async () => {
      await api.renameSpeaker(renameWho.value, renameTo.value);
      return `Renamed ${renameWho.value} to ${renameTo.value}.`;
    }),
  );
  addAlias.addEventListener("click", () =>
    act(async () => {
      await api.addAlias(aliasWho.value, alias.value);
      return `${aliasWho.value} is also known as ${alias.value}.`;
    }),
  );

  const refresh = async () => {
    clear(list);
    try {
      const [speakers, counts] = await Promise.all([api.speakers(), api.speakerCounts()]);
      const count = new Map(counts);
      for (const select of [from, into, renameWho, aliasWho]) options(select, speakers);
      if (speakers.length === 0) list.append(h("p", { class: "muted" }, "No speakers yet: clip an article to add some."));
      for (const s of speakers) {
        const rows = s.affiliations.map((a) => {
          const remove = h("button", { type: "button", class: "remove-affiliation", "aria-label": `Remove ${a.title ?? ""} ${a.organization ?? ""}` }, "Remove");
          remove.addEventListener("click", () =>
            act(async () => {
              await api.removeAffiliation(s.name, a.title ?? undefined, a.organization ?? undefined);
              return `Removed ${[a.title, a.organization].filter((x) => x).join(", ")} from ${s.name}.`;
            }),
          );
          return h(
            "tr",
            {},
            h("td", {}, a.title ?? ""),
            h("td", {}, a.organization ?? ""),
            h("td", {}, a.valid_from ?? "?"),
            h("td", {}, a.valid_to ?? (a.valid_from ? "" : "?")),
            h("td", {}, remove),
          );
        });
        // A title held over time, added or its dates corrected (same title and organization).
        const field = (name: string, label: string) => h("input", { "data-affiliation": name, placeholder: label, "aria-label": `${label} for ${s.name}` });
        const inputs = {
          title: field("title", "Title"),
          organization: field("organization", "Organization"),
          valid_from: field("valid_from", "From (YYYY-MM-DD)"),
          valid_to: field("valid_to", "To (YYYY-MM-DD)"),
        };
        const setTitle = h("button", { type: "button", "data-set-affiliation": s.name }, "Set title");
        setTitle.addEventListener("click", () =>
          act(async () => {
            const value = (k: keyof typeof inputs) => (inputs[k] as HTMLInputElement).value.trim() || undefined;
            for (const k of ["valid_from", "valid_to"] as const) {
              const v = value(k);
              if (v && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return `“${v}” is not a date: write it as YYYY-MM-DD, e.g. 2024-03-01.`;
            }
            const added = await api.setAffiliation(s.name, {
              title: value("title"),
              organization: value("organization"),
              valid_from: value("valid_from"),
              valid_to: value("valid_to"),
            });
            return `${added ? "Added" : "Corrected"} ${[value("title"), value("organization")].filter((x) => x).join(", ")} for ${s.name}.`;
          }),
        );
        const affiliationForm = h("div", { class: "row affiliation-form" }, inputs.title, inputs.organization, inputs.valid_from, inputs.valid_to, setTitle);
        list.append(
          h(
            "article",
            { class: "speaker" },
            h(
              "h3",
              {},
              s.name,
              " ",
              h("span", { class: "muted count-of", "data-count": s.name }, `${count.get(s.name) ?? 0} quote(s)`),
            ),
            (() => {
              const show = h("button", { type: "button", "data-show": s.name }, "Show quotes");
              show.addEventListener("click", () => shell.search(`speaker:"${s.name.replace(/"/g, "")}"`));
              return show;
            })(),
            s.aliases.length ? h("p", { class: "muted" }, `Also: ${s.aliases.join(", ")}`) : null,
            rows.length
              ? h(
                  "table",
                  {},
                  h("thead", {}, h("tr", {}, h("th", {}, "Title"), h("th", {}, "Organization"), h("th", {}, "From"), h("th", {}, "To"), h("th", {}, ""))),
                  h("tbody", {}, ...rows),
                )
              : null,
            affiliationForm,
          ),
        );
      }
    } catch (e) {
      list.append(h("p", { class: "error" }, errorMessage(e)));
    }
  };
  const view = h(
    "section",
    { class: "view", id: "view-speakers", hidden: true },
    h("h2", {}, "Speakers"),
    h(
      "div",
      { class: "speaker-tools" },
      h("div", { class: "row" }, h("span", {}, "Merge"), from, h("span", {}, "into"), into, merge),
      h("div", { class: "row" }, h("span", {}, "Rename"), renameWho, h("span", {}, "to"), renameTo, rename),
      h("div", { class: "row" }, h("span", {}, "Alias for"), aliasWho, alias, addAlias),
      status,
    ),
    list,
  );
  (view as HTMLElement & { refresh?: () => void }).refresh = refresh;
  return view;
}
