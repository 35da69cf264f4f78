/**
 * The site's colours, the one source for everything that cannot read CSS: the share card (Satori draws inline
 * styles) and the enquiry email (mail clients need inline colours). app/globals.css declares the same values as
 * CSS variables (`--bg`, `--text-muted` …) for the pages; tests/unit/design-tokens.test.ts keeps the two equal.
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

export const darkColors: ColorTokens = {
  bg: "#15171a",
  bgRaised: "#1c1f23",
  bgSunken: "#101214",
  text: "#e9e7e2",
  textMuted: "#a9adb3",
  border: "#33373d",
  accent: "#f2a173",
  accentHover: "#f7c09f",
  accentContrast: "#15171a",
  focus: "#8ab4ff",
  codeBg: "#0f1113",
  mark: "#5a3d12",
};

/** `textMuted` → `--text-muted`: the CSS variable that carries a token. */
export function cssVariableName(token: keyof ColorTokens): string {
  return `--${token.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
