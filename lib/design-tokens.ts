/**
 * The site's colours, the one source for everything that cannot read CSS: the share card (Satori draws inline
 * styles) and the enquiry email (mail clients need inline colours); both are light, whatever the reader's theme.
 * app/styles/tokens.css declares the same values as CSS variables (`textMuted` is `--text-muted`) for the pages,
 * plus the dark theme, which only CSS uses; tests/unit/design-tokens.test.ts keeps the two equal.
 */

export type ColorTokens = {
  bg: string;
  bgRaised: string;
  bgSunken: string;
  text: string;
  textMuted: string;
  border: string;
  accent: string;
  accentHover: string;
  accentContrast: string;
  focus: string;
  codeBg: string;
  mark: string;
};

export const lightColors: ColorTokens = {
  bg: "#fbfaf7",
  bgRaised: "#ffffff",
  bgSunken: "#f2f0ea",
  text: "#1c1d1f",
  textMuted: "#54575c",
  border: "#dedad0",
  accent: "#a23f14",
  accentHover: "#7e300e",
  accentContrast: "#ffffff",
  focus: "#1d5fd6",
  codeBg: "#f5f4ef",
  mark: "#fbe6c4",
};
