// Library / search: one box that searches as you type, facets, sort, keyboard navigation,
// and an empty state that says how to add the first quotes.

import { api, errorMessage } from "../backend/api";
import type { SearchResults } from "../backend/types";
import { debounce } from "../lib/debounce";
import { clear, h } from "../lib/dom";
import { PAGE_SIZE, addFilter, facetEntries, pageLabel, whereLine, whoLine } from "../lib/format";
import { moveSelection } from "../lib/keys";
import { clickSelect, quotesCount } from "../lib/select";
import { parseSnippet } from "../lib/snippet";
import type { Shell } from "../main";

export function libraryView(shell: Shell): HTMLElement {
  const input = h("input", {
    id: "search",
    type: "search",
    placeholder: "Search quotes — words, \"phrases\", speaker:, org:, after:2025-01-01 …",
    "aria-label": "Search quotes",
    autocomplete: "off",
    spellcheck: "false",
  });
  const sort = h(
    "select",
    { id: "sort", "aria-label": "Sort results" },
    h("option", { value: "relevance" }, "Most relevant"),
    h("option", { value: "date" }, "Newest first"),
  );
  const summary = h("p", { id: "result-summary", class: "muted" });
  const facets = h("aside", { id: "facets", class: "facets", "aria-label": "Filters" });
  const results = h("ol", { id: "results", class: "results" });
  const empty = h("section", { id: "empty-state", class: "empty", hidden: true });
  let selected = -1;
  let last: SearchResults | null = null;
  // The page shown: every match is reachable, PAGE_SIZE at a time.
  let offset = 0;
  const prev = h("button", { type: "button", id: "page-prev", "aria-label": "Previous page" }, "← Previous");
  const next = h("button", { type: "button", id: "page-next", "aria-label": "Next page" }, "Next →");
  const where = h("span", { id: "page-label", class: "muted" });
  const pager = h("nav", { class: "pager row", "aria-label": "Pages of results", hidden: true }, prev, where, next);

  // Bulk work: the results ticked, and what can be done to them together (each with an undo).
  let picked = new Set<string>();
  let anchor: number | null = null;
  const bulkCount = h("span", { id: "bulk-count" });
  const bulkTag = h("input", { id: "bulk-tag", placeholder: "Tag", "aria-label": "Tag for the selected quotes" });
  const tagAdd = h("button", { type: "button", id: "bulk-tag-add" }, "Tag");
  const bulkStory = h("input", { id: "bulk-story", placeholder: "Story", "aria-label": "Story for the selected quotes" });
  const storyAdd = h("button", { type: "button", id: "bulk-story-add" }, "Add to story");
  const bulkDelete = h("button", { type: "button", class: "danger", id: "bulk-delete" }, "Delete");
  const pickAll = h("button", { type: "button", id: "bulk-all" }, "Select page");
  const pickNone = h("button", { type: "button", id: "bulk-none" }, "Clear");
  const bulk = h(
    "div",
    { id: "bulk", class: "bulk row", role: "toolbar", "aria-label": "Selected quotes", hidden: true },
    bulkCount,
    bulkTag,
    tagAdd,
    bulkStory,
    storyAdd,
    bulkDelete,
    pickAll,
    pickNone,
  );
  const showPicked = () => {
    bulk.hidden = picked.size === 0;
    bulkCount.textContent = `${quotesCount(picked.size)} selected`;
    results.querySelectorAll<HTMLInputElement>("input.pick").forEach((box) => {
      box.checked = picked.has(box.dataset.id ?? "");
    });
  };
  const pageIds = () => (last?.hits ?? []).map((hit) => hit.quote.id);
  const bulkAct = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      shell.status(errorMessage(e));
    }
    run();
  };
  tagAdd.addEventListener("click", () =>
    bulkAct(async () => {
      const tag = bulkTag.value.trim();
      if (!tag) return shell.status("Type the tag first.");
      const ids = [...picked];
      const added = await api.tagQuotes(ids, tag);
      shell.toast(`Tagged ${quotesCount(ids.length)} “${tag}”.`, "Undo", async () => {
        await api.untagQuotes(added, tag);
        run();
      });
    }),
  );
  storyAdd.addEventListener("click", () =>
    bulkAct(async () => {
      const name = bulkStory.value.trim();
      if (!name) return shell.status("Type the story's name first.");
      const added = await api.storyAdd(name, [...picked]);
      shell.toast(`Added ${quotesCount(added.length)} to “${name}”.`, "Undo", async () => {
        await api.storyRemove(name, added);
        run();
      });
    }),
  );
  bulkDelete.addEventListener("click", () =>
    bulkAct(async () => {
      const removed = await api.deleteQuotes([...picked]);
      picked = new Set();
      showPicked();
      shell.toast(`Deleted ${quotesCount(removed.length)}.`, "Undo", async () => {
        await api.restoreQuotes(removed);
        run();
      });
    }),
  );
  pickAll.addEventListener("click", () => {
    picked = new Set([...picked, ...pageIds()]);
    showPicked();
  });
  pickNone.addEventListener("click", () => {
    picked = new Set();
    showPicked();
  });

  const select = (i: number) => {
    selected = i;
    results.querySelectorAll("li").forEach((li, j) => li.classList.toggle("selected", j === i));
    results.querySelectorAll("li")[i]?.scrollIntoView({ block: "nearest" });
  };

  const renderEmpty = async () => {
    clear(empty);
    const info = await api.libraryInfo().catch(() => null);
    if (info && info.quotes > 0) {
      empty.hidden = true;
      return;
    }
    empty.hidden = false;
    const importPath = h("input", { id: "import-path", placeholder: "/path/to/quotes.json or .csv" });
    const importStatus = h("p", { class: "muted", id: "import-status" });
    const importButton = h("button", { type: "button" }, "Import");
    importButton.addEventListener("click", async () => {
      importStatus.textContent = "Importing…";
      try {
        const r = await api.importFile(importPath.value);
        importStatus.textContent = `Imported ${r.imported} quote(s).`;
        run();
      } catch (e) {
        importStatus.textContent = errorMessage(e);
      }
    });
    const clipButton = h("button", { type: "button", class: "primary" }, "Clip an article (Ctrl+N)");
    clipButton.addEventListener("click", () => shell.show("clip"));
    empty.append(
      h("h2", {}, "Your library is empty"),
      h(
        "p",
        {},
        "Add your first quotes by clipping an article: paste its URL or its text, or drop a saved HTML page. ",
        "OnRecord finds every quotation with who said it, their title and employer, and how it was said.",
      ),
      clipButton,
      h("p", {}, "Or import quotes you already have (OnRecord JSON, CSV or TSV):"),
      h("div", { class: "row" }, importPath, importButton),
      importStatus,
      h("p", { class: "muted" }, `Library folder: ${info?.path ?? ""}`),
    );
  };

  const render = (r: SearchResults) => {
    last = r;
    clear(results);
    summary.textContent =
      r.total === 0 ? (input.value.trim() ? `No quotes match “${input.value.trim()}”.` : "") : `${r.total} quote(s)`;
    const label = pageLabel(r.total, offset, r.hits.length);
    pager.hidden = label === "";
    where.textContent = label;
    prev.disabled = offset === 0;
    next.disabled = offset + r.hits.length >= r.total;
    r.hits.forEach((hit, i) => {
      const snippet = h("p", { class: "snippet" });
      for (const piece of parseSnippet(hit.snippet || hit.quote.text)) {
        snippet.append(piece.mark ? h("mark", {}, piece.text) : document.createTextNode(piece.text));
      }
      const box = h("input", { type: "checkbox", class: "pick", "data-id": hit.quote.id, "aria-label": "Select this quote" });
      box.checked = picked.has(hit.quote.id);
      box.addEventListener("click", (e) => {
        e.stopPropagation();
        picked = clickSelect(picked, pageIds(), anchor, i, e.shiftKey);
        anchor = i;
        showPicked();
      });
      const li = h(
        "li",
        { class: "result", tabindex: "-1", "data-id": hit.quote.id },
        box,
        snippet,
        h("p", { class: "who" }, whoLine(hit.quote)),
        h("p", { class: "where muted" }, whereLine(hit.quote)),
      );
      li.addEventListener("click", () => {
        select(i);
        shell.openQuote(hit.quote.id);
      });
      results.append(li);
    });
    showPicked();
    selected = -1;
    clear(facets);
    if (r.facets && r.total > 0) {
      const groups: [string, string, Record<string, number>][] = [
        ["Speaker", "speaker", r.facets.speaker],
        ["Organization", "org", r.facets.organization],
        ["Outlet", "outlet", r.facets.outlet],
        ["Story", "story", r.facets.story ?? {}],
        ["Tag", "tag", r.facets.tag ?? {}],
        ["Year", "year", r.facets.year],
      ];
      for (const [label, field, facet] of groups) {
        const entries = facetEntries(facet);
        if (entries.length === 0) continue;
        const list = h("ul", {});
        for (const [value, count] of entries) {
          const shown = r.facets.approximate ? `≈${count}` : String(count);
          const b = h("button", { type: "button", class: "facet", "data-facet": field }, `${value} `, h("span", { class: "count" }, shown));
          b.addEventListener("click", () => {
            input.value = addFilter(input.value, field, value);
            fresh();
          });
          list.append(h("li", {}, b));
        }
        facets.append(h("h3", {}, label), list);
      }
      if (r.facets.approximate) {
        facets.append(h("p", { class: "muted" }, "Counts are estimated from a sample of the matches."));
      }
    }
  };

  // Searches run side by side (off the window's thread): only the newest one's answer is shown,
  // so a slow earlier search never overwrites a later one.
  let asked = 0;
  const run = async () => {
    const mine = ++asked;
    try {
      const r = await api.search(input.value, sort.value as "relevance" | "date", PAGE_SIZE, offset);
      if (mine !== asked) return;
      shell.status("");
      render(r);
      await renderEmpty();
    } catch (e) {
      if (mine !== asked) return;
      summary.textContent = errorMessage(e);
      clear(results);
    }
  };
  // A new query or order starts again at the first page.
  const fresh = () => {
    offset = 0;
    return run();
  };
  const debounced = debounce(fresh, 150);
  input.addEventListener("input", () => debounced());
  sort.addEventListener("change", () => fresh());
  prev.addEventListener("click", () => {
    offset = Math.max(0, offset - PAGE_SIZE);
    run();
  });
  next.addEventListener("click", () => {
    offset += PAGE_SIZE;
    run();
  });
  input.addEventListener("keydown", (e) => {
    const n = last?.hits.length ?? 0;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      select(moveSelection(selected, n, e.key));
    } else if (e.key === "Enter" && selected >= 0 && last) {
      e.preventDefault();
      shell.openQuote(last.hits[selected].quote.id);
    } else if (e.key === "Enter") {
      debounced.cancel();
      fresh();
    }
  });

  // Ctrl+A (outside a text field) selects the page's results.
  const onKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    const typing = !!t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA");
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "a" && !typing && !view.hidden) {
      e.preventDefault();
      pickAll.click();
    }
  };
  document.addEventListener("keydown", onKey);

  const view = h(
    "section",
    { class: "view", id: "view-library" },
    h("div", { class: "searchbar" }, input, sort),
    summary,
    bulk,
    empty,
    h("div", { class: "split" }, h("div", {}, results, pager), facets),
  );
  (view as HTMLElement & { refresh?: () => void }).refresh = () => {
    run();
  };
  (view as HTMLElement & { searchFor?: (q: string) => void }).searchFor = (q: string) => {
    input.value = q;
    fresh();
  };
  run();
  return view;
}
