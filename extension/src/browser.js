// The browser's side: reading the page a tab shows and talking to the OnRecord host. One
// source for Chromium and Firefox (`ext` is Firefox's `browser` or Chromium's `chrome`).

import { HOST, hostErrorText, unwrap } from "./lib.js";

/** The extension API: Firefox's promise-based `browser`, else Chromium's `chrome`. */
export const ext = globalThis.browser ?? globalThis.chrome;

/** The page as the reader sees it: the rendered DOM's HTML, its address and title. */
export async function capturePage(tabId) {
  const [result] = await ext.scripting.executeScript({
    target: { tabId },
    func: () => ({
      html: document.documentElement.outerHTML,
      url: location.href,
      title: document.title,
      selection: String(getSelection() ?? ""),
    }),
  });
  if (!result?.result) throw new Error("the page could not be read; reload it and try again");
  return result.result;
}

/** Sends one message to the host and returns its reply; a failure is an Error worded for the reader. */
export async function ask(message) {
  let reply;
  try {
    reply = await ext.runtime.sendNativeMessage(HOST, message);
  } catch (e) {
    throw new Error(hostErrorText(e));
  }
  return unwrap(reply);
}
