// Selecting results for bulk work: click toggles one, shift-click takes the range from the last
// one clicked, Ctrl+A takes the whole page. Pure, unit-tested.

/** The selection after a click on row `index` of `ids` (the page's quote ids, in order). */
export function clickSelect(
  picked: ReadonlySet<string>,
  ids: readonly string[],
  anchor: number | null,
  index: number,
  shift: boolean,
): Set<string> {
  const next = new Set(picked);
  if (shift && anchor !== null && anchor >= 0 && anchor < ids.length) {
    const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
    for (const id of ids.slice(from, to + 1)) next.add(id);
    return next;
  }
  const id = ids[index];
  if (id === undefined) return next;
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** "3 quotes", "1 quote". */
export function quotesCount(n: number): string {
  return `${n} quote${n === 1 ? "" : "s"}`;
}
