// The only module that talks to Tauri. Everything else calls these typed functions.

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { writeText } from "@tauri-apps/plugin-clipboard-manager";
import type {
  AppError,
  BrowserInstalled,
  InboxItem,
  CheckReport,
  Clip,
  ClipReport,
  Quote,
  QuoteFields,
  QuoteView,
  SearchResults,
  Speaker,
} from "./types";

export function isAppError(e: unknown): e is AppError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** A message for any failure: the core's own, or what the bridge said. */
export function errorMessage(e: unknown): string {
  if (isAppError(e)) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export const api = {
  libraryInfo: () => invoke<{ path: string; quotes: number }>("library_info"),
  search: (query: string, sort: "relevance" | "date", limit = 50, offset = 0) =>
    invoke<SearchResults>("search", { query, sort, limit, offset }),
  quoteView: (id: string) => invoke<QuoteView>("quote_view", { id }),
  editQuote: (id: string, fields: QuoteFields) => invoke<Quote>("edit_quote", { id, fields }),
  deleteQuote: (id: string) => invoke<Quote>("delete_quote", { id }),
  restoreQuote: (quote: Quote) => invoke<Quote>("restore_quote", { quote }),
  clipText: (text: string) => invoke<Clip>("clip", { input: { kind: "text", value: text } }),
  clipUrl: (url: string) => invoke<Clip>("clip", { input: { kind: "url", value: url } }),
  clipFile: (name: string, bytes: number[]) =>
    invoke<Clip>("clip", { input: { kind: "file", value: { name, bytes } } }),
  saveClip: (clip: Clip) => invoke<ClipReport>("save_clip", { clip }),
  check: (draft: string) => invoke<CheckReport>("check", { draft }),
  readDraft: (name: string, bytes: number[]) => invoke<string>("read_draft", { name, bytes }),
  exportText: (selection: { query?: string; ids?: string[] }, format: string, markup: string) =>
    invoke<{ text: string; count: number }>("export_text", { selection, format, markup }),
  exportFile: (
    selection: { query?: string; ids?: string[] },
    format: string,
    markup: string,
    path: string,
    force: boolean,
  ) => invoke<{ text: string; count: number }>("export_file", { selection, format, markup, path, force }),
  setAffiliation: (speaker: string, affiliation: { title?: string; organization?: string; valid_from?: string; valid_to?: string }) =>
    invoke<boolean>("set_affiliation", { speaker, affiliation }),
  removeAffiliation: (speaker: string, title?: string, organization?: string) =>
    invoke<boolean>("remove_affiliation", { speaker, title, organization }),
  speakerCounts: () => invoke<[string, number][]>("speaker_counts"),
  speakers: () => invoke<Speaker[]>("speakers"),
  importFile: (path: string) => invoke<{ imported: number; skipped: number }>("import_file", { path }),
  reindex: () => invoke<number>("reindex"),
  backup: (path: string, force: boolean) =>
    invoke<{ path: string; quotes: number; bytes: number }>("backup", { path, force }),
  inbox: () => invoke<InboxItem[]>("inbox"),
  inboxClip: (id: number) => invoke<Clip>("inbox_clip", { id }),
  inboxRemove: (id: number) => invoke<void>("inbox_remove", { id }),
  browserInstall: () => invoke<BrowserInstalled[]>("browser_install"),
  mergeSpeakers: (from: string, into: string) =>
    invoke<{ moved: number; undo: unknown }>("merge_speakers", { from, into }),
  undoMerge: (undo: unknown) => invoke<void>("undo_merge", { undo }),
  renameSpeaker: (old: string, name: string) => invoke<void>("rename_speaker", { old, new: name }),
  addAlias: (speaker: string, alias: string) => invoke<void>("add_alias", { speaker, alias }),
  tags: () => invoke<[string, number][]>("tags"),
  renameTag: (old: string, name: string) => invoke<number>("rename_tag", { old, new: name }),
  tagQuotes: (ids: string[], tag: string) => invoke<string[]>("tag_quotes", { ids, tag }),
  untagQuotes: (ids: string[], tag: string) => invoke<void>("untag_quotes", { ids, tag }),
  storyAdd: (name: string, ids: string[]) => invoke<string[]>("story_add", { name, ids }),
  storyRemove: (name: string, ids: string[]) => invoke<number>("story_remove", { name, ids }),
  deleteQuotes: (ids: string[]) => invoke<Quote[]>("delete_quotes", { ids }),
  restoreQuotes: (quotes: Quote[]) => invoke<void>("restore_quotes", { quotes }),
  stories: () => invoke<{ name: string; quotes: number; created_at: string }[]>("stories"),
  storyCreate: (name: string) => invoke<unknown>("story_create", { name }),
  storyRename: (old: string, name: string) => invoke<void>("story_rename", { old, new: name }),
  storyDelete: (name: string) => invoke<number>("story_delete", { name }),
  copy: (text: string) => writeText(text),
  onWork: (f: (w: Work) => void) => listen<Work>("work", (e) => f(e.payload)),
};

/** Long work the core announces: started, progress (with counts) or finished. */
export interface Work {
  task: string;
  state: string;
  progress?: { done: number; total: number };
}
