// Stories and tags: what you are working on, and how quotes are labelled. Each story with its
// count; open one to see its quotes in the library (a `story:` search), rename it, delete it
// (its quotes stay), or start a new one. Each tag with its count: show its quotes, or rename it
// everywhere (into an existing tag, the two become one).

import { api, errorMessage } from "../backend/api";
import { clear, h } from "../lib/dom";
import { addFilter } from "../lib/format";
import type { Shell } from "../main";

export function storiesView(shell: Shell): HTMLElement & { refresh: () => void } {
  const list = h("ol", { id: "stories", class: "inbox" });
  const tagList = h("ol", { id: "tag-list", class: "inbox" });
  const status = h("p", { class: "muted", id: "stories-status", role: "status" });
  const name = h("input", { id: "story-new", placeholder: "A new story's name", "aria-label": "New story" });
  const create = h("button", { type: "button", id: "story-create" }, "Create");

  const act = async (f: () => Promise<string>) => {
    try {
      status.textContent = await f();
    } catch (e) {
      status.textContent = errorMessage(e);
    }
    await el.refresh();
  };
  create.addEventListener("click", () =>
    act(async () => {
      await api.storyCreate(name.value);
      const made = name.value.trim();
      name.value = "";
      return `Created “${made}”.`;
    }),
  );

  const row = (story: { name: string; quotes: number }) => {
    const open = h("button", { type: "button", class: "primary", "data-open": story.name }, "Open");
    open.addEventListener("click", () => shell.search(addFilter("", "story", story.name)));
    const newName = h("input", { "data-rename": story.name, "aria-label": `New name for ${story.name}`, placeholder: "New name" });
    const rename = h("button", { type: "button", "data-rename-go": story.name }, "Rename");
    rename.addEventListener("click", () =>
      act(async () => {
        await api.storyRename(story.name, newName.value);
        return `Renamed “${story.name}” to “${newName.value.trim()}”.`;
      }),
    );
    const del = h("button", { type: "button", class: "danger", "data-delete": story.name }, "Delete");
    del.addEventListener("click", () =>
      act(async () => {
        const n = await api.storyDelete(story.name);
        return `Deleted “${story.name}”; its ${n} quote(s) stay in the library.`;
      }),
    );
    return h(
      "li",
      { class: "inbox-item" },
      h("p", { class: "title" }, `${story.name} — ${story.quotes} quote(s)`),
      h("div", { class: "row" }, open, newName, rename, del),
    );
  };

  const tagRow = ([tag, count]: [string, number]) => {
    const show = h("button", { type: "button", "data-tag-show": tag }, "Show quotes");
    show.addEventListener("click", () => shell.search(addFilter("", "tag", tag)));
    const newName = h("input", { "data-tag-rename": tag, "aria-label": `New name for the tag ${tag}`, placeholder: "New name" });
    const rename = h("button", { type: "button", "data-tag-rename-go": tag }, "Rename");
    rename.addEventListener("click", () =>
      act(async () => {
        const n = await api.renameTag(tag, newName.value);
        return `Renamed the tag “${tag}” to “${newName.value.trim()}” on ${n} quote(s).`;
      }),
    );
    return h("li", { class: "inbox-item" }, h("p", { class: "title" }, `${tag} — ${count} quote(s)`), h("div", { class: "row" }, show, newName, rename));
  };

  const el = h(
    "section",
    { class: "view", id: "view-stories", hidden: true },
    h("h2", {}, "Stories"),
    h("p", { class: "muted" }, "What you are working on. Add quotes to a story from the library (tick them) or the quote panel."),
    h("div", { class: "row" }, name, create),
    list,
    status,
    h("h2", {}, "Tags"),
    tagList,
  ) as HTMLElement & { refresh: () => void };
  // Refreshes may overlap (showing the view, then an action): only the newest one is drawn,
  // in one go once both lists are in.
  let refreshes = 0;
  el.refresh = async () => {
    const mine = ++refreshes;
    try {
      const [stories, tags] = await Promise.all([api.stories(), api.tags()]);
      if (mine !== refreshes) return;
      clear(list);
      if (stories.length === 0) list.append(h("li", { class: "muted" }, "No stories yet."));
      for (const s of stories) list.append(row(s));
      clear(tagList);
      if (tags.length === 0) tagList.append(h("li", { class: "muted" }, "No tags yet."));
      for (const t of tags) tagList.append(tagRow(t));
    } catch (e) {
      status.textContent = errorMessage(e);
    }
  };
  return el;
}
