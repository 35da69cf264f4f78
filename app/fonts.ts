import localFont from "next/font/local";

/*
 * One web font: Source Serif 4 for reading text, which is what a post's or the home page's largest paint
 * (the dek, the lede, the first paragraph) is set in, so it is the only file preloaded. Fonts come from npm
 * packages (no network at build time); the files are the Latin subset, variable weight, one file per face.
 *
 * Its fallback is metric-matched (`adjustFontFallback`: a local Times New Roman scaled to Source Serif's
 * width, ascent and descent), so where that font exists (Windows, macOS, iOS) a late swap keeps lines their
 * length and moves nothing. Linux and Android have no Times New Roman and fall back to an unadjusted serif:
 * without the preload the swap shifted lines there (CLS 0.02, bench/post-page-notes.md), so the preload stays.
 *
 * Headings and interface text use the system sans-serif (app/styles/tokens.css `--font-ui`): at those sizes it is
 * hard to tell from Inter, and it costs no download.
 */
export const serif = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
      style: "normal",
      weight: "200 900",
    },
  ],
  variable: "--font-serif",
  display: "swap",
  adjustFontFallback: "Times New Roman",
  fallback: ["Georgia", "Cambria", "Times New Roman", "serif"],
});

// Italics are a family of their own so they are not preloaded (most pages use few or none); app/styles/prose.css
// applies it to italic text in articles. Same metric-matched fallback as the upright face.
export const serifItalic = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2",
      style: "italic",
      weight: "200 900",
    },
  ],
  variable: "--font-serif-italic",
  display: "swap",
  preload: false,
  adjustFontFallback: "Times New Roman",
  fallback: ["Georgia", "Cambria", "Times New Roman", "serif"],
});
