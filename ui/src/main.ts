// The window: a sidebar of views, the quote panel, a status line and keyboard shortcuts.
// Views are plain DOM built with `h` (text nodes only); only backend/ talks to Tauri.

import { api } from "./backend/api";
import type { Clip } from "./backend/types";
import { clear, h } from "./lib/dom";
import { type Action, shortcut } from "./lib/keys";
import { checkView } from "./views/check";
import { clipView } from "./views/clip";
import { exportView } from "./views/export";
import { inboxView } from "./views/inbox";
import { libraryView } from "./views/library";
import { workLabel } from "./lib/format";
import { applyTheme } from "./lib/settings";
import { quotePanel } from "./views/quote";
import { settingsView } from "./views/settings";
import { speakersView } from "./views/speakers";
import { storiesView } from "./views/stories";

export type ViewName = "library" | "clip" | "check" | "export" | "speakers" | "stories" | "inbox" | "settings";

export interface Shell {
  show(view: ViewName): void;
  openQuote(id: string): void;
  refresh(): void;
  status(text: string): void;
  toast(text: string, action?: string, onAction?: () => void): void;
  /** Opens a clip in the clip review; `onSaved` runs once its quotes are saved. */
  reviewClip(clip: Clip, onSaved: () => Promise<void>): void;
  /** The inbox changed here: recount it now rather than at the next poll. */
  inboxChanged(): void;
  /** Shows the library searching for `query`. */
  search(query: string): void;
}

type Refreshable = HTMLElement & { refresh?: () => void };

function start() {
  applyTheme();
  const root = document.getElementById("app")!;
  const statusLine = h("p", { id: "status", class: "statusbar", role: "status" });
  const toastBox = h("div", { id: "toast", class: "toast", hidden: true });
  const views = new Map<ViewName, Refreshable>();
  const navButtons = new Map<ViewName, HTMLButtonElement>();
  let current: ViewName = "library";

  const shell: Shell = {
    show(view) {
      current = view;
      for (const [name, el] of views) el.hidden = name !== view;
      for (const [name, b] of navButtons) b.setAttribute("aria-current", name === view ? "page" : "false");
      views.get(view)?.refresh?.();
      const focus: Record<ViewName, string> = {
        library: "search",
        clip: "clip-url",
        check: "draft",
        export: "export-format",
        speakers: "speakers",
        stories: "story-new",
        inbox: "inbox-list",
        settings: "settings-theme",
      };
      document.getElementById(focus[view])?.focus();
    },
    openQuote(id) {
      quote.open(id);
    },
    refresh() {
      views.get(current)?.refresh?.();
      if (current !== "library") views.get("library")?.refresh?.();
    },
    status(text) {
      statusLine.textContent = text;
    },
    reviewClip(clip, onSaved) {
      shell.show("clip");
      clipEl.review(clip, onSaved);
    },
    inboxChanged() {
      void countInbox();
    },
    search(query) {
      shell.show("library");
      (views.get("library") as (HTMLElement & { searchFor?: (q: string) => void }) | undefined)?.searchFor?.(query);
    },
    toast(text, action, onAction) {
      clear(toastBox);
      toastBox.hidden = false;
      toastBox.append(h("span", {}, text));
      if (action && onAction) {
        const b = h("button", { type: "button", id: "toast-action" }, action);
        b.addEventListener("click", () => {
          toastBox.hidden = true;
          onAction();
        });
        toastBox.append(b);
      }
      setTimeout(() => (toastBox.hidden = true), 8000);
    },
  };

  const quote = quotePanel(shell);
  views.set("library", libraryView(shell));
  const clipEl = clipView(shell);
  views.set("clip", clipEl);
  views.set("check", checkView(shell));
  views.set("export", exportView());
  views.set("speakers", speakersView(shell));
  views.set("stories", storiesView(shell));
  views.set("inbox", inboxView(shell));
  views.set("settings", settingsView(shell));

  // The inbox's count, kept current while the window is open: pages arrive from the browser
  // through another process.
  const inboxCount = h("span", { id: "inbox-count", class: "count", hidden: true });
  let lastCount = -1;
  const countInbox = async () => {
    try {
      const n = (await api.inbox()).length;
      inboxCount.textContent = String(n);
      inboxCount.hidden = n === 0;
      if (n !== lastCount && current === "inbox") views.get("inbox")?.refresh?.();
      lastCount = n;
    } catch {
      // (The status line already says when the library fails.)
    }
  };
  const nav = h("nav", { class: "sidebar", "aria-label": "Views" }, h("h1", {}, "OnRecord"));
  const labels: [ViewName, string, string][] = [
    ["library", "Library", "Ctrl+K"],
    ["clip", "Clip", "Ctrl+N"],
    ["check", "Check", "Ctrl+Shift+K"],
    ["export", "Export", "Ctrl+E"],
    ["speakers", "Speakers", "Ctrl+Shift+P"],
    ["stories", "Stories & tags", ""],
    ["inbox", "Inbox", ""],
    ["settings", "Settings", ""],
  ];
  for (const [name, label, keys] of labels) {
    const b = h(
      "button",
      { type: "button", id: `nav-${name}`, title: keys || label },
      label,
      name === "inbox" ? inboxCount : h("kbd", {}, keys),
    );
    b.addEventListener("click", () => shell.show(name));
    navButtons.set(name, b);
    nav.append(b);
  }
  const main = h("main", {}, ...views.values());
  root.append(h("div", { class: "layout" }, nav, main, quote.el), statusLine, toastBox);

  const actions: Record<Action, () => void> = {
    "focus-search": () => shell.show("library"),
    "new-clip": () => shell.show("clip"),
    check: () => shell.show("check"),
    export: () => shell.show("export"),
    library: () => shell.show("library"),
    speakers: () => shell.show("speakers"),
  };
  document.addEventListener("keydown", (e) => {
    const t = e.target as HTMLElement | null;
    const typing = !!t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
    const action = shortcut(e, typing);
    if (action) {
      e.preventDefault();
      actions[action]();
    } else if (e.key === "Escape") {
      quote.el.hidden = true;
    }
  });
  api
    .onWork((w) => shell.status(workLabel(w)))
    .catch(() => {});
  shell.show("library");
  void countInbox();
  setInterval(countInbox, 3000);
}

start();
