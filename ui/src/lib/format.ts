// How quotes, verdicts and problems read in the window. Pure functions, unit-tested.

import type { CheckProblem, Locator, Quote, QuoteFields, Verdict } from "../backend/types";

/** "Vijayasimha Alilughatta · chief operating officer, Zensar"; "Jane Roe and John Doe" for a
 * quotation said together (the title and organization are the first speaker's). */
export function whoLine(q: Pick<Quote, "speaker" | "title" | "organization" | "co_speakers">): string {
  const role = [q.title, q.organization].filter((s) => s && s.trim()).join(", ");
  const others = (q.co_speakers ?? []).filter((s) => s.trim());
  const who = others.length ? `${q.speaker} and ${others.join(" and ")}` : q.speaker;
  return role ? `${who} · ${role}` : who;
}

/** "John Doe, Ann Lee" → ["John Doe", "Ann Lee"]: names typed in one box. */
export function nameList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s);
}

/** "told Reuters · Reuters · 2025-02-26" */
export function whereLine(q: Quote): string {
  const how = q.medium === "told" && q.told_to ? `told ${q.told_to}` : mediumLabel(q.medium);
  const date = q.said_on ?? q.source?.published ?? "";
  return [how, q.source?.outlet ?? "", locatorLabel(q.locator), date].filter((s) => s).join(" · ");
}

/** "p. 4", "p. 4, col. 2", "00:14:03": where in its source a quote stands, or "" when not said. */
export function locatorLabel(l: Locator | null | undefined): string {
  if (!l) return "";
  if ("page" in l) return l.column ? `p. ${l.page}, col. ${l.column}` : `p. ${l.page}`;
  if ("chars" in l) return "";
  return l.start.replace(/\.\d+$/, "");
}

const MEDIA: Record<string, string> = {
  said: "said",
  told: "told",
  email: "in an email",
  statement: "in a statement",
  interview: "in an interview",
  speech: "in a speech",
  post: "in a post",
  document: "in a document",
  other: "other",
};

export function mediumLabel(medium: string): string {
  return MEDIA[medium] ?? medium;
}

export const MEDIUMS = Object.keys(MEDIA);

export function verdictLabel(v: Verdict): string {
  switch (v) {
    case "verified":
      return "Verified";
    case "misquoted":
      return "Misquoted";
    case "misattributed":
      return "Misattributed";
    case "unverified":
      return "Unverified";
  }
}

/** One line per problem: "The record has Zensar, not Alibaba (organization)". */
export function problemLine(p: CheckProblem): string {
  if (p.message) return p.message;
  if (p.draft && p.record) return `The record has ${p.record}, not ${p.draft} (${p.field}).`;
  if (p.record) return `The record has ${p.record} (${p.field}).`;
  return `The ${p.field} differs from the record.`;
}

/** Facet entries sorted by count, largest first, then by name. */
export function facetEntries(facet: Record<string, number> | undefined, max = 8): [string, number][] {
  return Object.entries(facet ?? {})
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max);
}

/** Adds a field filter to a query, quoting values with spaces: org:"Principal Venture Partners". */
export function addFilter(query: string, field: string, value: string): string {
  const v = /[\s"():]/.test(value) ? `"${value.replace(/"/g, "")}"` : value;
  const term = `${field}:${v}`;
  return query.includes(term) ? query : `${query.trim()} ${term}`.trim();
}

/** "1 page waiting", "3 pages waiting", "" for none (the sidebar shows the count). */
export function inboxLabel(n: number): string {
  return n === 0 ? "" : `${n} page${n === 1 ? "" : "s"} waiting`;
}

/** Results shown per page in the library. */
export const PAGE_SIZE = 50;

/** "1–50 of 1,234": where a page stands among all the matches ("" when one page holds all). */
export function pageLabel(total: number, offset: number, shown: number): string {
  if (total <= shown && offset === 0) return "";
  const n = (x: number) => x.toLocaleString("en-US");
  return shown === 0 ? `none of ${n(total)}` : `${n(offset + 1)}–${n(offset + shown)} of ${n(total)}`;
}

/** A quote's editable fields as the quote panel holds them (what an undo of an edit puts back). */
export function fieldsOf(q: Quote): QuoteFields {
  return {
    text: q.text,
    speaker: q.speaker,
    co_speakers: q.co_speakers ?? [],
    title: q.title ?? "",
    organization: q.organization ?? "",
    organization_description: q.organization_description ?? "",
    medium: q.medium,
    told_to: q.told_to ?? "",
    said_on: q.said_on ?? "",
    tags: q.tags,
    stories: q.stories ?? [],
    notes: q.notes ?? "",
  };
}

/** What the status line says of long work: "Importing: 40,000 of 100,000 quotes…", "" when done. */
export function workLabel(w: { task: string; state: string; progress?: { done: number; total: number } }): string {
  if (w.state === "finished") return "";
  const verb: Record<string, string> = { import: "Importing", reindex: "Rebuilding the index", backup: "Backing up", clip: "Reading the article" };
  const what = verb[w.task] ?? `Working: ${w.task}`;
  if (w.progress) return `${what}: ${w.progress.done.toLocaleString("en-US")} of ${w.progress.total.toLocaleString("en-US")} quotes…`;
  return `${what}…`;
}
