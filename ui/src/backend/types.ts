// The shapes the core sends (see ../shared/CLI-CONTRACT.md; the app gets the same JSON).

export interface SourceRef {
  id: string;
  kind?: string;
  title?: string;
  outlet?: string;
  author?: string;
  url?: string;
  published?: string;
}

/** Who said it, as what, and how: shared by stored quotes and clip candidates. */
export interface Attribution {
  /** Who said or wrote it together with the speaker, in the order the text names them. */
  co_speakers?: string[];
  title?: string;
  organization?: string;
  organization_description?: string;
  medium: string;
  told_to?: string;
  said_on?: string;
}

export interface Quote extends Attribution {
  id: string;
  text: string;
  speaker: string;
  source?: SourceRef;
  start?: number;
  end?: number;
  locator?: Locator | null;
  tags: string[];
  /** The stories it belongs to. */
  stories?: string[];
  language: string;
  notes?: string;
  created_at: string;
  updated_at: string;
}

export interface Hit {
  score: number;
  snippet: string;
  quote: Quote;
}

export interface SearchResults {
  total: number;
  hits: Hit[];
  facets?: {
    speaker: Record<string, number>;
    organization: Record<string, number>;
    outlet: Record<string, number>;
    /** Absent when no match belongs to a story. */
    story?: Record<string, number>;
    /** Absent when no match has a tag. */
    tag?: Record<string, number>;
    year: Record<string, number>;
    /** Set when the counts are estimates from a sample (very large match sets). */
    approximate?: boolean;
  };
}

export interface Source {
  id: string;
  kind: string;
  title?: string;
  outlet?: string;
  authors: string[];
  published?: string;
  url?: string;
}

export interface QuoteView {
  quote: Quote;
  source?: Source;
  before?: string;
  after?: string;
}

/** Where in its source a quote stands: a PDF's page (and column), a transcript's time, or (in a
 * clip of text or HTML) its character offsets. */
export type Locator = { page: number; column?: number } | { start: string; end?: string } | { chars: [number, number] };

export interface Candidate extends Attribution {
  id?: string;
  text: string;
  speaker?: string | null;
  start: number;
  end: number;
  locator?: Locator | null;
  language: string;
  mention?: string;
  cue?: string;
  note?: string;
  /** Tags given in the review, saved with it. */
  tags?: string[];
}

export interface Clip {
  article: {
    title?: string;
    byline?: string;
    published?: string;
    site_name?: string;
    language?: string;
    text: string;
    url?: string;
  };
  quotes: Candidate[];
  unclosed?: number[];
  /** html, text, pdf, docx, odt, vtt, srt or transcript. */
  format?: string;
}

export interface ClipReport {
  source?: string;
  saved: string[];
  already_saved: number;
  without_speaker: number;
}

export type Verdict = "verified" | "misquoted" | "misattributed" | "unverified";

export interface CheckProblem {
  field: string;
  draft?: string;
  record?: string;
  message?: string;
}

export interface Finding {
  quote: string;
  start: number;
  end: number;
  verdict: Verdict;
  problems?: CheckProblem[];
  record?: Quote;
  /** Absent when the words match the record exactly. */
  diff?: { op: "equal" | "insert" | "delete"; text: string }[];
  /** The record's words and attribution as AP writes them, to put in the draft instead. */
  correct?: string;
}

export interface CheckReport {
  findings: Finding[];
  unclosed?: number[];
}

export interface Affiliation {
  title?: string;
  organization?: string;
  organization_description?: string;
  valid_from?: string;
  valid_to?: string;
}

export interface Speaker {
  name: string;
  aliases: string[];
  affiliations: Affiliation[];
}

export interface QuoteFields {
  text: string;
  speaker: string;
  co_speakers: string[];
  title: string;
  organization: string;
  organization_description: string;
  medium: string;
  told_to: string;
  said_on: string;
  tags: string[];
  stories: string[];
  notes: string;
}

/** An error from the core: `code` is what the window branches on. */
export interface AppError {
  code: "bad_input" | "not_found" | "library";
  message: string;
}

/** A page sent from the browser, waiting in the inbox. */
export interface InboxItem {
  id: number;
  url?: string;
  title?: string;
  received_at: string;
  bytes: number;
}

export interface BrowserInstalled {
  browser: string;
  manifest: string;
  launcher: string;
}
