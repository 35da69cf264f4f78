/**
 * Text preparation for Open Graph cards: emoji removal (next/og would fetch
 * emoji images from a CDN, which fails offline) and title sizing (largest
 * font size that fits the title in a few lines).
 */

/** Symbols that look like emoji to Satori but that Inter draws as text: kept unless asked for emoji style (U+FE0F). */
const TEXT_SYMBOLS = "\\u00A9\\u00AE\\u2122\\u2190-\\u2199";

/**
 * Pictographs, skin-tone modifiers, flags (regional indicators), keycap and
 * variation selectors, zero-width joiners and tag characters: everything
 * Satori would draw as an emoji image fetched from a CDN.
 */
const EMOJI = new RegExp(
  `[${TEXT_SYMBOLS}](?=\\uFE0F)|(?![${TEXT_SYMBOLS}])[\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\p{Regional_Indicator}\\uFE0E\\uFE0F\\u200D\\u20E3\\u{E0020}-\\u{E007F}]`,
  "gu",
);

export function stripEmoji(text: string): string {
  return text
    .replace(EMOJI, "")
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([,.;:!?)])/g, "$1")
    .trim();
}

/**
 * Approximate advance widths of Inter Bold in em, by character class. Wider
 * than the real glyphs on purpose, so a title the estimate fits into N lines
 * never needs N+1 when Satori lays it out.
 */
function charWidth(char: string): number {
  if (char === " ") return 0.26;
  if (/[iljI.,:;'’|!]/.test(char)) return 0.3;
  if (/[frt()[\]{}\-‐–"“”]/.test(char)) return 0.42;
  if (/[mwMW@]/.test(char)) return 0.92;
  if (/[—]/.test(char)) return 1;
  if (/[A-Z]/.test(char)) return 0.7;
  if (/[0-9]/.test(char)) return 0.63;
  if (/[a-z]/.test(char)) return 0.6;
  // Other scripts and symbols: a wide default.
  return /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? 1.05 : 0.68;
}

export function textWidthEm(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** Greedy word wrap at `maxEm` per line, as a browser (and Satori) does; a word longer than a line gets its own line(s). */
export function wrapLines(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidthEm(candidate) <= maxEm || !line) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
    // A single overlong word breaks across lines.
    while (textWidthEm(line) > maxEm) {
      let cut = line.length;
      while (cut > 1 && textWidthEm(line.slice(0, cut)) > maxEm) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

type FittedTitle = { text: string; fontSize: number; lines: number; truncated: boolean };

type FitOptions = {
  /** Width of the title box in px. */
  width: number;
  maxLines?: number;
  /** Largest and smallest font size in px. */
  maxSize?: number;
  minSize?: number;
};

/**
 * The largest font size (in steps of 2 px) at which `title` fits in
 * `maxLines`; at the smallest size a longer title is cut at a word and ends
 * with an ellipsis.
 */
export function fitTitle(title: string, { width, maxLines = 3, maxSize = 84, minSize = 48 }: FitOptions): FittedTitle {
  const text = title.replace(/\s+/g, " ").trim();
  for (let size = maxSize; size >= minSize; size -= 2) {
    const lines = wrapLines(text, width / size).length;
    if (lines <= maxLines) return { text, fontSize: size, lines, truncated: false };
  }
  const maxEm = width / minSize;
  const words = text.split(" ");
  while (words.length > 1 && wrapLines(`${words.join(" ")}…`, maxEm).length > maxLines) words.pop();
  let cut = `${words.join(" ").replace(/[\s,.;:–—-]+$/, "")}…`;
  // One enormous word: cut by characters.
  while (wrapLines(cut, maxEm).length > maxLines && cut.length > 2) cut = `${cut.slice(0, -2)}…`;
  return { text: cut, fontSize: minSize, lines: wrapLines(cut, maxEm).length, truncated: true };
}
