// The window's own settings (not the library's): theme and the default citation style, kept
// in the window's local storage.

export type Theme = "system" | "light" | "dark";

export const STYLES: [string, string][] = [
  ["apa", "APA 7"],
  ["mla", "MLA 9"],
  ["chicago", "Chicago author-date"],
  ["markdown", "AP-style attribution line"],
];

const THEME_KEY = "onrecord.theme";
const STYLE_KEY = "onrecord.style";

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // (A window without storage keeps the setting until it closes.)
  }
}

export function theme(): Theme {
  const t = stored(THEME_KEY);
  return t === "light" || t === "dark" ? t : "system";
}

const systemDark = () => typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
let following = false;

/** Applies a theme to the document: light or dark whatever the system says, or the system's
 * (followed as it changes). The style sheet only looks at `data-theme`. */
export function applyTheme(t: Theme = theme()) {
  document.documentElement.dataset.theme = t === "system" ? (systemDark() ? "dark" : "light") : t;
  if (!following && typeof matchMedia === "function") {
    following = true;
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => applyTheme());
  }
}

export function setTheme(t: Theme) {
  store(THEME_KEY, t);
  applyTheme(t);
}

/** The citation style "Copy citation" and the export view start from. */
export function citationStyle(): string {
  const s = stored(STYLE_KEY);
  return STYLES.some(([v]) => v === s) ? (s as string) : "apa";
}

export function setCitationStyle(style: string) {
  if (STYLES.some(([v]) => v === style)) store(STYLE_KEY, style);
}

export function styleLabel(style: string): string {
  return STYLES.find(([v]) => v === style)?.[1] ?? style;
}
