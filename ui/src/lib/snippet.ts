// Search snippets arrive as HTML-escaped text with <mark> around the matched words. They are
// turned into plain pieces and rendered as text nodes, never as HTML.

export interface Piece {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m] ?? m);
}

export function parseSnippet(snippet: string): Piece[] {
  const pieces: Piece[] = [];
  const re = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) pieces.push({ text: decodeEntities(snippet.slice(last, at)), mark: false });
    pieces.push({ text: decodeEntities(m[1]), mark: true });
    last = at + m[0].length;
  }
  if (last < snippet.length) pieces.push({ text: decodeEntities(snippet.slice(last)), mark: false });
  return pieces.filter((p) => p.text.length > 0);
}
