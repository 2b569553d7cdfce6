// What the extension does outside the browser's APIs: the messages it sends to the OnRecord
// host, how it words the host's answers and failures, and what the popup shows of a
// quotation. Pure functions, unit-tested with Vitest (lib.test.js).

/** The native-messaging host `onrecord browser install` registers. */
export const HOST = "com.onrecord.host";

/** The host reads messages up to 24 MB; a page is at most 16 MB (see docs/BROWSER.md). */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/** A page as the reader sees it, captured in the tab (see `capturePage` in browser.js). */
export function pageMessage(type, page, extra = {}) {
  if (!page || typeof page.html !== "string") {
    throw new Error("the page could not be read; reload it and try again");
  }
  const bytes = new TextEncoder().encode(page.html).length;
  if (bytes > MAX_PAGE_BYTES) {
    throw new Error(
      `the page is ${(bytes / 1e6).toFixed(1)} MB; OnRecord reads pages up to 16 MB — select the quotation and use “Save quote to OnRecord”`,
    );
  }
  return { type, url: page.url, title: page.title, html: page.html, ...extra };
}

/** Only web pages can be clipped (not the browser's own pages, files or extensions). */
export function clippable(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url);
}

/**
 * What to tell the reader when the host could not be reached or refused: the browser's own
 * error texts (they differ between Chromium and Firefox) turned into what to do.
 */
export function hostErrorText(error) {
  const text = String(error?.message ?? error ?? "");
  if (/native messaging host not found|No such native application|not found/i.test(text)) {
    return "OnRecord is not connected to this browser. Install OnRecord, then run “onrecord browser install” in a terminal and try again.";
  }
  if (/Access to the specified native messaging host is forbidden|not allowed/i.test(text)) {
    return "This copy of the extension is not the one OnRecord was connected to. Run “onrecord browser install” again.";
  }
  if (/exited|disconnected|Error when communicating/i.test(text)) {
    return "OnRecord stopped while answering. Check that “onrecord” still runs (“onrecord doctor”) and try again.";
  }
  return text || "OnRecord did not answer.";
}

/** The host's reply, or an Error carrying its message. */
export function unwrap(reply) {
  if (!reply || typeof reply !== "object") throw new Error("OnRecord sent an answer the extension cannot read");
  if (reply.type === "error") throw new Error(reply.message || "OnRecord refused the request");
  return reply;
}

/** "Maria Gonzalez · chair, City Council · said" */
export function whoLine(q) {
  const who = q.speaker
    ? [q.speaker, ...(q.co_speakers ?? [])].join(" and ")
    : "speaker unknown";
  const role = [q.title, q.organization].filter((s) => s && String(s).trim()).join(", ");
  const how = q.medium === "told" && q.told_to ? `told ${q.told_to}` : q.medium;
  return [who, role, how].filter((s) => s).join(" · ");
}

/**
 * The quotations ticked in the popup, with the reader's corrections, as the host's `save`
 * takes them. `rows` are `{quote, keep, speaker, title, organization}` as the form holds them.
 */
export function chosen(rows) {
  return rows
    .filter((r) => r.keep)
    .map((r) => {
      const out = { start: r.quote.start, end: r.quote.end };
      for (const field of ["speaker", "title", "organization"]) {
        const value = (r[field] ?? "").trim();
        if (value !== (r.quote[field] ?? "")) out[field] = value;
      }
      return out;
    });
}

/** What the popup says after a save. */
export function savedText(reply) {
  const n = reply.ids?.length ?? 0;
  const parts = [`Saved ${n} quote${n === 1 ? "" : "s"} to OnRecord.`];
  if (reply.already_saved) parts.push(`${reply.already_saved} were already in the library.`);
  if (reply.without_speaker) parts.push(`${reply.without_speaker} need a speaker first.`);
  return parts.join(" ");
}
