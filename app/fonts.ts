import localFont from "next/font/local";

// Fonts come from npm packages (no network at build time). Variable weights keep it to one file per face.
export const serif = localFont({
  src: [{ path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2", style: "normal", weight: "200 900" }],
  variable: "--font-serif",
  display: "swap",
  fallback: ["Georgia", "Cambria", "Times New Roman", "serif"],
});

// Italics are a family of their own so they are not preloaded on every page (most pages use few or none);
// globals.css applies it to italic text in articles.
export const serifItalic = localFont({
  src: [{ path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2", style: "italic", weight: "200 900" }],
  variable: "--font-serif-italic",
  display: "swap",
  preload: false,
  fallback: ["Georgia", "Cambria", "Times New Roman", "serif"],
});

export const sans = localFont({
  src: [{ path: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2", style: "normal", weight: "100 900" }],
  variable: "--font-sans",
  display: "swap",
  fallback: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
});
