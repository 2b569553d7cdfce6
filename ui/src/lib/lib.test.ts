import { describe, expect, it, vi } from "vitest";
import { debounce } from "./debounce";
import { addFilter, facetEntries, inboxLabel, locatorLabel, nameList, workLabel, pageLabel, problemLine, whereLine, whoLine } from "./format";
import { moveSelection, shortcut } from "./keys";
import { decodeEntities, parseSnippet } from "./snippet";
import { segments, sliceChars } from "./text";
import type { Quote } from "../backend/types";

const quote: Quote = {
  id: "1",
  text: "could be a pivotal moment",
  speaker: "Vijayasimha Alilughatta",
  title: "chief operating officer",
  organization: "Zensar",
  medium: "told",
  told_to: "Reuters",
  source: { id: "1", outlet: "Reuters", published: "2025-02-26" },
  tags: [],
  language: "en",
  created_at: "",
  updated_at: "",
};

describe("snippets", () => {
  it("splits marks and decodes entities without producing HTML", () => {
    expect(parseSnippet("a <mark>pivotal</mark> &lt;b&gt; &amp; <mark>moment</mark>")).toEqual([
      { text: "a ", mark: false },
      { text: "pivotal", mark: true },
      { text: " <b> & ", mark: false },
      { text: "moment", mark: true },
    ]);
    expect(decodeEntities("&quot;x&quot; &#39;y&#39;")).toBe("\"x\" 'y'");
    expect(parseSnippet("")).toEqual([]);
  });
});

describe("format", () => {
  it("writes who and where", () => {
    expect(whoLine(quote)).toBe("Vijayasimha Alilughatta · chief operating officer, Zensar");
    expect(whoLine({ speaker: "A", title: "", organization: undefined })).toBe("A");
    expect(whoLine({ speaker: "Jane Roe", co_speakers: ["John Doe"], title: "co-chair", organization: undefined })).toBe(
      "Jane Roe and John Doe · co-chair",
    );
    expect(nameList(" John Doe, ,Ann Lee; Bo Chen ")).toEqual(["John Doe", "Ann Lee", "Bo Chen"]);
    expect([0, 1, 3].map(inboxLabel)).toEqual(["", "1 page waiting", "3 pages waiting"]);
    expect(pageLabel(12, 0, 12)).toBe("");
    expect(pageLabel(1234, 0, 50)).toBe("1–50 of 1,234");
    expect(pageLabel(1234, 1200, 34)).toBe("1,201–1,234 of 1,234");
    expect(whereLine(quote)).toBe("told Reuters · Reuters · 2025-02-26");
    expect(whereLine({ ...quote, medium: "email", told_to: undefined })).toBe("in an email · Reuters · 2025-02-26");
    expect(whereLine({ ...quote, locator: { page: 4 } })).toBe("told Reuters · Reuters · p. 4 · 2025-02-26");
    expect(locatorLabel({ page: 4, column: 2 })).toBe("p. 4, col. 2");
    expect(locatorLabel({ start: "00:14:03.500", end: "00:14:09.000" })).toBe("00:14:03");
    expect(locatorLabel(null)).toBe("");
    expect(locatorLabel({ chars: [3, 9] })).toBe("");
    expect(workLabel({ task: "import", state: "progress", progress: { done: 40000, total: 100000 } })).toBe(
      "Importing: 40,000 of 100,000 quotes…",
    );
    expect(workLabel({ task: "import", state: "started" })).toBe("Importing…");
    expect(workLabel({ task: "import", state: "finished" })).toBe("");
  });
  it("explains problems in one line", () => {
    expect(problemLine({ field: "organization", draft: "Alibaba", record: "Zensar" })).toBe(
      "The record has Zensar, not Alibaba (organization).",
    );
    expect(problemLine({ field: "speaker", message: "the core's own words" })).toBe("the core's own words");
  });
  it("adds facet filters, quoting values with spaces, once", () => {
    expect(addFilter("pivotal", "org", "Zensar")).toBe("pivotal org:Zensar");
    expect(addFilter("", "org", "Principal Venture Partners")).toBe('org:"Principal Venture Partners"');
    expect(addFilter("x org:Zensar", "org", "Zensar")).toBe("x org:Zensar");
  });
  it("orders facets by count", () => {
    expect(facetEntries({ a: 1, b: 3, c: 3 })).toEqual([["b", 3], ["c", 3], ["a", 1]]);
  });
});

describe("keys", () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it("maps shortcuts", () => {
    expect(shortcut(key("k", { ctrlKey: true }), true)).toBe("focus-search");
    expect(shortcut(key("K", { ctrlKey: true, shiftKey: true }), true)).toBe("check");
    expect(shortcut(key("n", { metaKey: true }), false)).toBe("new-clip");
    expect(shortcut(key("e", { ctrlKey: true }), false)).toBe("export");
    expect(shortcut(key("/"), false)).toBe("focus-search");
    expect(shortcut(key("/"), true)).toBeNull();
    expect(shortcut(key("n"), false)).toBeNull();
  });
  it("moves the selection within bounds", () => {
    expect(moveSelection(-1, 3, "ArrowDown")).toBe(0);
    expect(moveSelection(2, 3, "ArrowDown")).toBe(2);
    expect(moveSelection(0, 3, "ArrowUp")).toBe(0);
    expect(moveSelection(1, 3, "End")).toBe(2);
    expect(moveSelection(1, 0, "ArrowDown")).toBe(-1);
  });
});

describe("text", () => {
  it("slices by Unicode scalar values like the core", () => {
    expect(sliceChars("🎉 “Zoë” said", 2, 7)).toBe("“Zoë”");
  });
  it("splits text into highlighted segments", () => {
    const s = segments("a 🎉 “quote” b", [{ start: 4, end: 11, tag: "v" }]);
    expect(s).toEqual([{ text: "a 🎉 " }, { text: "“quote”", tag: "v" }, { text: " b" }]);
  });
});

describe("debounce", () => {
  it("runs only the last call after a pause", () => {
    vi.useFakeTimers();
    const f = vi.fn();
    const d = debounce(f, 100);
    d(1);
    d(2);
    vi.advanceTimersByTime(99);
    expect(f).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(f).toHaveBeenCalledExactlyOnceWith(2);
    vi.useRealTimers();
  });
});

import { clickSelect, quotesCount } from "./select";

describe("bulk selection", () => {
  const ids = ["1", "2", "3", "4", "5"];
  it("toggles one on click and takes a range on shift-click", () => {
    let s = clickSelect(new Set(), ids, null, 1, false);
    expect([...s]).toEqual(["2"]);
    s = clickSelect(s, ids, 1, 3, true);
    expect([...s].sort()).toEqual(["2", "3", "4"]);
    s = clickSelect(s, ids, 3, 0, true);
    expect([...s].sort()).toEqual(["1", "2", "3", "4"]);
    s = clickSelect(s, ids, 0, 2, false);
    expect([...s].sort()).toEqual(["1", "2", "4"]);
    expect(quotesCount(1)).toBe("1 quote");
    expect(quotesCount(3)).toBe("3 quotes");
  });
});

import { sentenceAround } from "./text";

describe("the sentence around a quotation", () => {
  it("runs from the previous sentence's end to its own", () => {
    const text = "Ports reopened. “We expect the backlog to clear,” said Maria Lopez 🚢. Then rain came.";
    const start = Array.from(text).indexOf("W");
    const end = start + Array.from("We expect the backlog to clear,").length;
    expect(sentenceAround(text, start, end)).toEqual({ before: "“", after: "” said Maria Lopez 🚢." });
    const second = Array.from(text).indexOf("T");
    expect(sentenceAround(text, second, second + 4).before).toBe("");
  });
});

import { fieldsOf } from "./format";

describe("a quote's fields", () => {
  it("are what the panel holds, empty text for what is absent", () => {
    const f = fieldsOf({
      id: "1",
      text: "We will",
      speaker: "Ann Lee",
      medium: "said",
      tags: ["a"],
      language: "en",
      created_at: "",
      updated_at: "",
    });
    expect(f).toEqual({
      text: "We will",
      speaker: "Ann Lee",
      co_speakers: [],
      title: "",
      organization: "",
      organization_description: "",
      medium: "said",
      told_to: "",
      said_on: "",
      tags: ["a"],
      stories: [],
      notes: "",
    });
  });
});
