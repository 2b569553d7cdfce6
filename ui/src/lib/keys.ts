// Keyboard handling that does not need the DOM: shortcuts and list navigation.

export type Action = "focus-search" | "new-clip" | "check" | "export" | "library" | "speakers";

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Ctrl (or Cmd) + K or / focus search; Ctrl+N new clip; Ctrl+Shift+K check; Ctrl+E export. */
export function shortcut(e: KeyLike, typing: boolean): Action | null {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod && !e.altKey && e.key === "/" && !typing) return "focus-search";
  if (!mod || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === "k" && e.shiftKey) return "check";
  if (k === "k") return "focus-search";
  if (k === "n") return "new-clip";
  if (k === "e") return "export";
  if (k === "l") return "library";
  if (k === "p" && e.shiftKey) return "speakers";
  return null;
}

/** The selected row after an arrow, Home or End key; -1 means none selected. */
export function moveSelection(current: number, length: number, key: string): number {
  if (length === 0) return -1;
  switch (key) {
    case "ArrowDown":
      return Math.min(current + 1, length - 1);
    case "ArrowUp":
      return current <= 0 ? 0 : current - 1;
    case "Home":
      return 0;
    case "End":
      return length - 1;
    default:
      return current;
  }
}
