import { describe, expect, it } from "vitest";
import { MAX_PAGE_BYTES, chosen, clippable, hostErrorText, pageMessage, savedText, unwrap, whoLine } from "./lib.js";

const page = { url: "https://news.example.org/a", title: "A story", html: "<p>“Hi,” she said.</p>" };

describe("messages to the host", () => {
  it("carry the page as the reader sees it", () => {
    expect(pageMessage("clip", page)).toEqual({ type: "clip", ...page });
    expect(pageMessage("save_selection", page, { selection: "Hi" }).selection).toBe("Hi");
  });
  it("refuse a page over the host's cap before sending it", () => {
    const big = { ...page, html: "x".repeat(MAX_PAGE_BYTES + 1) };
    expect(() => pageMessage("clip", big)).toThrow(/16 MB/);
    expect(() => pageMessage("clip", { url: page.url })).toThrow(/could not be read/);
  });
  it("only for web pages", () => {
    expect(clippable("https://a.example/x")).toBe(true);
    expect(clippable("http://127.0.0.1:8000/")).toBe(true);
    for (const url of ["file:///etc/passwd", "chrome://settings", "about:blank", "javascript:alert(1)", undefined]) {
      expect(clippable(url)).toBe(false);
    }
  });
});

describe("the host's answers", () => {
  it("say what to do when the host is missing or refuses", () => {
    expect(hostErrorText(new Error("Specified native messaging host not found."))).toMatch(/onrecord browser install/);
    expect(hostErrorText(new Error("No such native application com.onrecord.host"))).toMatch(/onrecord browser install/);
    expect(hostErrorText(new Error("Access to the specified native messaging host is forbidden."))).toMatch(/again/);
    expect(hostErrorText(new Error("Native host has exited."))).toMatch(/onrecord doctor/);
    expect(hostErrorText("something else")).toBe("something else");
  });
  it("turn an error reply into an Error", () => {
    expect(() => unwrap({ type: "error", message: "the library is busy" })).toThrow("the library is busy");
    expect(() => unwrap(undefined)).toThrow(/cannot read/);
    expect(unwrap({ type: "pong", version: "0.1.0" }).version).toBe("0.1.0");
  });
  it("word a save", () => {
    expect(savedText({ ids: ["1", "2"], already_saved: 1, without_speaker: 0 })).toBe(
      "Saved 2 quotes to OnRecord. 1 were already in the library.",
    );
    expect(savedText({ ids: ["1"] })).toBe("Saved 1 quote to OnRecord.");
  });
});

describe("the popup's list", () => {
  const q = { text: "We will", speaker: "Maria Gonzalez", title: "chair", organization: "City Council", medium: "said", start: 5, end: 12 };
  it("shows who said it, as what and how", () => {
    expect(whoLine(q)).toBe("Maria Gonzalez · chair, City Council · said");
    expect(whoLine({ ...q, speaker: null, title: undefined, organization: undefined })).toBe("speaker unknown · said");
    expect(whoLine({ ...q, co_speakers: ["Tom Hart"], medium: "told", told_to: "Reuters" })).toBe(
      "Maria Gonzalez and Tom Hart · chair, City Council · told Reuters",
    );
  });
  it("sends the ticked quotations with only the fields the reader changed", () => {
    const rows = [
      { quote: q, keep: true, speaker: "Maria Gonzalez", title: "council chair ", organization: "City Council" },
      { quote: { ...q, start: 20, end: 30 }, keep: false, speaker: "", title: "", organization: "" },
    ];
    expect(chosen(rows)).toEqual([{ start: 5, end: 12, title: "council chair" }]);
  });
});
