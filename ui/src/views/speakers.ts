// Speakers: each with aliases and the timeline of titles and employers.

import { api, errorMessage } from "../backend/api";
import { clear, h } from "../lib/dom";

export function speakersView(): HTMLElement {
  const list = h("div", { id: "speakers" });
  const refresh = async () => {
    clear(list);
    try {
      const speakers = await api.speakers();
      if (speakers.length === 0) list.append(h("p", { class: "muted" }, "No speakers yet: clip an article to add some."));
      for (const s of speakers) {
        const rows = s.affiliations.map((a) =>
          h(
            "tr",
            {},
            h("td", {}, a.title ?? ""),
            h("td", {}, a.organization ?? ""),
            h("td", {}, a.valid_from ?? "?"),
            h("td", {}, a.valid_to ?? (a.valid_from ? "" : "?")),
          ),
        );
        list.append(
          h(
            "article",
            { class: "speaker" },
            h("h3", {}, s.name),
            s.aliases.length ? h("p", { class: "muted" }, `Also: ${s.aliases.join(", ")}`) : null,
            rows.length
              ? h(
                  "table",
                  {},
                  h("thead", {}, h("tr", {}, h("th", {}, "Title"), h("th", {}, "Organization"), h("th", {}, "From"), h("th", {}, "To"))),
                  h("tbody", {}, ...rows),
                )
              : null,
          ),
        );
      }
    } catch (e) {
      list.append(h("p", { class: "error" }, errorMessage(e)));
    }
  };
  const view = h("section", { class: "view", id: "view-speakers", hidden: true }, h("h2", {}, "Speakers"), list);
  (view as HTMLElement & { refresh?: () => void }).refresh = refresh;
  return view;
}
