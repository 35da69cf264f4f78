/**
 * The inline script in <head> (lib/islands), run before first paint: a stored theme never flashes the other, and
 * what only works with JavaScript is shown from the first paint, never added later (which would move the page:
 * layout shift). `js` on <html> shows "Copy link"; `can-share` shows the native share sheet's button.
 */
import { applyStoredTheme } from "./theme-state";

applyStoredTheme();
const root = document.documentElement.classList;
root.add("js");
if (typeof navigator.share === "function") root.add("can-share");
