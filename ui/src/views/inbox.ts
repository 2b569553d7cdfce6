// Inbox: the pages sent from the browser ("Send to inbox" in the extension), oldest first.
// Review opens a page in the clip review; once its quotes are saved it leaves the inbox.
// Remove drops a page without saving anything. "Connect the browser" installs the host the
// extension talks to.

import { api, errorMessage } from "../backend/api";
import type { InboxItem } from "../backend/types";
import { clear, h } from "../lib/dom";
import { inboxLabel } from "../lib/format";
import type { Shell } from "../main";

export function inboxView(shell: Shell): HTMLElement & { refresh: () => void } {
  const list = h("ol", { id: "inbox-list", class: "inbox" });
  const status = h("p", { class: "muted", id: "inbox-status", role: "status" });
  const connect = h("button", { type: "button", id: "browser-connect" }, "Connect the browser");

  const item = (it: InboxItem) => {
    const review = h("button", { type: "button", class: "primary", "data-review": String(it.id) }, "Review");
    const remove = h("button", { type: "button", "data-remove": String(it.id) }, "Remove");
    review.addEventListener("click", async () => {
      try {
        const clip = await api.inboxClip(it.id);
        shell.reviewClip(clip, async () => {
          await api.inboxRemove(it.id);
          shell.inboxChanged();
        });
      } catch (e) {
        status.textContent = errorMessage(e);
      }
    });
    remove.addEventListener("click", async () => {
      try {
        await api.inboxRemove(it.id);
        shell.inboxChanged();
        el.refresh();
      } catch (e) {
        status.textContent = errorMessage(e);
      }
    });
    return h(
      "li",
      { class: "inbox-item" },
      h("p", { class: "title" }, it.title ?? it.url ?? "(no title)"),
      h("p", { class: "muted" }, [it.url, new Date(it.received_at).toLocaleString()].filter((s) => s).join(" · ")),
      h("div", { class: "row" }, review, remove),
    );
  };

  connect.addEventListener("click", async () => {
    try {
      const done = await api.browserInstall();
      status.textContent = `Connected: ${done.map((d) => d.browser).join(", ")}. Load the extension (README, “Clip from the browser”) and its button clips the page you read.`;
    } catch (e) {
      status.textContent = errorMessage(e);
    }
  });

  const el = h(
    "section",
    { class: "view", id: "view-inbox", hidden: true },
    h("h2", {}, "Inbox"),
    h("p", { class: "muted" }, "Pages sent from the browser wait here until you review them."),
    list,
    status,
    h("div", { class: "row" }, connect),
  ) as HTMLElement & { refresh: () => void };

  el.refresh = async () => {
    try {
      const items = await api.inbox();
      clear(list);
      if (items.length === 0) list.append(h("li", { class: "muted" }, "The inbox is empty."));
      for (const it of items) list.append(item(it));
      status.textContent = inboxLabel(items.length);
    } catch (e) {
      status.textContent = errorMessage(e);
    }
  };
  return el;
}
