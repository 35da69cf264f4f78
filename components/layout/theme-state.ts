/**
 * The reader's theme: a stored choice ("light" or "dark") on <html data-theme>, else the OS setting.
 * Browser code shared by the early script (before first paint) and the header's toggle.
 */
export const THEME_STORAGE_KEY = "theme";

export type Theme = "light" | "dark";

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** Puts a stored choice on <html> so the page never paints in the other theme first. */
export function applyStoredTheme(doc: Document = document, storage?: Storage): void {
  try {
    const stored = (storage ?? localStorage).getItem(THEME_STORAGE_KEY);
    if (stored === "light" || stored === "dark") doc.documentElement.dataset.theme = stored;
  } catch {
    // Storage blocked (private mode, a sandbox): the OS setting applies.
  }
}

export function currentTheme(doc: Document = document): Theme {
  const chosen = doc.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return doc.defaultView?.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

/** Flips the theme and remembers the choice (for this page only when storage is blocked). */
export function toggleTheme(doc: Document = document): Theme {
  const next: Theme = currentTheme(doc) === "dark" ? "light" : "dark";
  doc.documentElement.dataset.theme = next;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page.
  }
  return next;
}

export const darkQuery = DARK_QUERY;
