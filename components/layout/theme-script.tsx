/**
 * Runs before first paint so a stored dark/light choice never flashes the other
 * theme. Without a stored choice the CSS follows the OS (prefers-color-scheme).
 * Static text: the same for every page, so a CSP hash can allow it.
 */
export const THEME_STORAGE_KEY = "theme";

export const themeScript = `(function(){try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="light"||t==="dark"){document.documentElement.dataset.theme=t}}catch(e){}})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: themeScript }} />;
}
