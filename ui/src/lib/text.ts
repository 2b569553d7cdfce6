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
