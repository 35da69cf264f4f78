import { closestTarget } from "@/components/islands/dom";

import { currentTheme, darkQuery, toggleTheme } from "./theme-state";

const TOGGLE = "[data-theme-toggle]";

/** Says on every toggle which theme is on (aria-pressed, a tooltip naming what a press does). */
function sync(doc: Document): void {
  const dark = currentTheme(doc) === "dark";
  for (const button of doc.querySelectorAll<HTMLButtonElement>(TOGGLE)) {
    button.setAttribute("aria-pressed", String(dark));
    button.title = dark ? "Switch to light theme" : "Switch to dark theme";
  }
}

/** The header's theme toggle: one delegated listener, so it survives anything re-rendering the header. */
export function initThemeToggle(doc: Document = document): void {
  doc.addEventListener("click", (event) => {
    if (!closestTarget(event, TOGGLE)) return;
    toggleTheme(doc);
    sync(doc);
  });
  doc.defaultView?.matchMedia(darkQuery).addEventListener("change", () => sync(doc));
  sync(doc);
}
