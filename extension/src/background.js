// The background: the context menu on a selection, "Save quote to OnRecord". The selected words
// become the quotation (the host snaps them to the article's quotation they lie in, and reads
// the speaker from the whole page); when the page names no one, the reader is asked who said
// them. The outcome shows on the toolbar button: ✓ saved, ! refused (hover for why).

import { ask, capturePage, ext } from "./browser.js";
import { clippable, pageMessage } from "./lib.js";

const MENU = "onrecord-save-quote";

ext.runtime.onInstalled.addListener(() => {
  ext.contextMenus.create({
    id: MENU,
    title: "Save quote to OnRecord",
    contexts: ["selection"],
  });
});

async function show(tabId, badge, title) {
  await ext.action.setBadgeText({ tabId, text: badge });
  await ext.action.setTitle({ tabId, title });
}

/** Asks the reader, in the page, who said the selected words. */
async function askSpeaker(tabId, words) {
  const [result] = await ext.scripting.executeScript({
    target: { tabId },
    func: (w) => prompt(`OnRecord: the page names no one for “${w.slice(0, 80)}”. Who said it?`) ?? "",
    args: [words],
  });
  return String(result?.result ?? "").trim();
}

/** Saves the words selected in a tab; the outcome shows on the toolbar button. */
async function saveSelection(tab, selectionText) {
  try {
    if (!clippable(tab.url)) throw new Error("only web pages can be clipped");
    const page = await capturePage(tab.id);
    const selection = selectionText ?? page.selection;
    let reply = await ask(pageMessage("save_selection", page, { selection }));
    if (reply.type === "needs_speaker") {
      const speaker = await askSpeaker(tab.id, reply.quote.text);
      if (!speaker) return show(tab.id, "", "Clip quotations to OnRecord");
      reply = await ask(pageMessage("save_selection", page, { selection, speaker }));
    }
    const q = reply.quote;
    await show(tab.id, "✓", `Saved to OnRecord: “${q.text.slice(0, 60)}” — ${q.speaker}`);
    return reply;
  } catch (e) {
    await show(tab.id, "!", `OnRecord: ${e.message}`);
    return { type: "error", message: e.message };
  }
}

ext.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU && tab?.id) saveSelection(tab, info.selectionText);
});

// (The end-to-end test calls it as the menu would: a headless browser has no menu to click.)
globalThis.onrecordSaveSelection = saveSelection;
