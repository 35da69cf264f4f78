import { islandsScript, themeScript } from "@/lib/islands/scripts";

/** In <head>: a stored theme applied before first paint (components/layout/theme-early.island.ts). */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: themeScript }} />;
}

/** At the end of <body>: every island of the page (components/islands/main.ts), one inline script. */
export function IslandsScript() {
  return <script dangerouslySetInnerHTML={{ __html: islandsScript }} />;
}
