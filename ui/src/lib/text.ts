// The core counts characters as Unicode scalar values; JavaScript strings count UTF-16 units.
// These helpers slice by the core's count, so emoji and CJK do not shift highlights.

export function sliceChars(text: string, start: number, end?: number): string {
  return Array.from(text).slice(start, end).join("");
}

export interface Segment<T> {
  text: string;
  tag?: T;
}

/** Splits text into plain and tagged segments from non-overlapping [start, end) char ranges. */
export function segments<T>(text: string, ranges: { start: number; end: number; tag: T }[]): Segment<T>[] {
  const chars = Array.from(text);
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: Segment<T>[] = [];
  let at = 0;
  for (const r of sorted) {
    const start = Math.max(r.start, at);
    const end = Math.min(r.end, chars.length);
    if (start >= end) continue;
    if (start > at) out.push({ text: chars.slice(at, start).join("") });
    out.push({ text: chars.slice(start, end).join(""), tag: r.tag });
    at = end;
  }
  if (at < chars.length) out.push({ text: chars.slice(at).join("") });
  return out;
}

/**
 * The sentence a quotation stands in, for the review: up to 240 characters before it (back to
 * the previous sentence's end) and after it (to the end of its own sentence). Offsets are the
 * core's characters, marks excluded.
 */
export function sentenceAround(text: string, start: number, end: number): { before: string; after: string } {
  const chars = Array.from(text);
  const stop = (c: string) => c === "." || c === "!" || c === "?" || c === "\n";
  // (The mark just before the words is part of the quotation, not a sentence's end.)
  let from = Math.max(0, start - 1);
  const floor = Math.max(0, start - 240);
  while (from > floor && !stop(chars[from - 1])) from--;
  let to = Math.min(chars.length, end + 1);
  const ceiling = Math.min(chars.length, end + 240);
  while (to < ceiling && !stop(chars[to - 1] ?? "")) to++;
  return {
    before: chars.slice(from, start).join("").trimStart(),
    after: chars.slice(end, to).join("").trimEnd(),
  };
}
