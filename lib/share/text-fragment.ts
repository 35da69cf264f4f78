/**
 * Links to a quote: the page URL with a text fragment, `#:~:text=[prefix-,]start[,end][,-suffix]`
 * (WICG "URL Fragment Text Directives"). Browsers that support it scroll to and highlight the first match;
 * the others open the page. The rules this follows:
 * - each part is percent-encoded, and `-`, `&` and `,` always (they delimit the parts);
 * - a match starts and ends on word boundaries, so a selection is widened to whole words;
 * - text within one block is quoted whole; a longer quote, or one across blocks, as its first and last words
 *   (`start,end`), which the browser matches as a range;
 * - when the quote (or its first words) occurs more than once on the page, words just before and after it
 *   in its own block are added as prefix and suffix until the link names this occurrence.
 * Pure functions over text, so they run in tests as in the browser.
 */

/** Collapses runs of whitespace, as the browser does when it matches. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Percent-encodes one part of a text directive. */
export function encodeTextPart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, "%2D");
}

const WORD = /[\p{L}\p{N}\p{M}_'’]/u;

/** `[start, end)` widened so neither end cuts a word in two. */
export function widenToWords(text: string, start: number, end: number): [number, number] {
  let from = Math.max(0, start);
  let to = Math.min(text.length, end);
  while (from > 0 && WORD.test(text[from - 1]!) && WORD.test(text[from]!)) from--;
  while (to < text.length && WORD.test(text[to - 1]!) && WORD.test(text[to]!)) to++;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return [from, to];
}

/** How many times `needle` occurs in `haystack`, ignoring case (browsers match case-insensitively). */
export function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  const h = haystack.toLocaleLowerCase();
  const n = needle.toLocaleLowerCase();
  let count = 0;
  for (let at = h.indexOf(n); at !== -1; at = h.indexOf(n, at + 1)) count++;
  return count;
}

const words = (text: string) => text.split(" ").filter(Boolean);

/** Quotes of more words than this are linked by their first and last words. */
const EXACT_MAX_WORDS = 10;
const EDGE_WORDS = 4;
const CONTEXT_MAX_WORDS = 5;

export type QuoteSelection = {
  /** The visible text of the whole page, normalized: where the browser will look for the quote. */
  pageText: string;
  /** The normalized text of the block (paragraph, list item…) where the selection starts. */
  blockText: string;
  /** Where the selection starts in `blockText`. */
  offsetInBlock: number;
  /** The selected text as the browser gives it (line breaks between blocks included). */
  selected: string;
  /**
   * Where the selection ends: in `blockText` for a selection within one block; for one across blocks, in
   * `endBlockText` (the normalized text of the block where it ends), so a last word cut in two ("… any i") is
   * widened to the whole word there too.
   */
  endBlockText?: string;
  endOffsetInBlock?: number;
};

/** The end of a selection (`end` in `text`) moved forward so it does not cut a word in two. */
export function widenEnd(text: string, end: number): number {
  let to = Math.max(0, Math.min(text.length, end));
  while (to > 0 && to < text.length && WORD.test(text[to - 1]!) && WORD.test(text[to]!)) to++;
  return to;
}

export type Quote = { quote: string; directive: string };

/** The text directive (`:~:text=…`) for a selection, and the quote it names; null when nothing was selected. */
export function textDirective({
  pageText,
  blockText,
  offsetInBlock,
  selected,
  endBlockText,
  endOffsetInBlock,
}: QuoteSelection): Quote | null {
  const crossesBlocks = endBlockText !== undefined || /\n/.test(selected.trim());
  let selection = normalizeText(selected);
  if (!selection) return null;
  if (crossesBlocks && endBlockText !== undefined && endOffsetInBlock !== undefined) {
    // Widen the last block's part: the words the selection cut at its end, taken whole from that block.
    const tail = endBlockText.slice(endOffsetInBlock, widenEnd(endBlockText, endOffsetInBlock));
    selection = normalizeText(`${selection}${tail}`);
    selected = `${selected.trimEnd()}${tail}`;
  }

  // Widen the part within the first block to whole words; a selection across blocks ends in a later block.
  const firstBlockPart = crossesBlocks ? normalizeText(selected.trim().split(/\n/)[0]!) : selection;
  // Within one block, where the selection ends in it (when the caller read it from the DOM) is surer than a length.
  const endInFirst =
    !crossesBlocks && endOffsetInBlock !== undefined ? endOffsetInBlock : offsetInBlock + firstBlockPart.length;
  const [from, to] = widenToWords(blockText, offsetInBlock, endInFirst);
  const inBlock = blockText.slice(from, to);
  if (!inBlock) return null;
  const quote = crossesBlocks
    ? normalizeText(`${blockText.slice(from)} ${selection.slice(firstBlockPart.length)}`)
    : inBlock;

  const asRange = crossesBlocks || words(quote).length > EXACT_MAX_WORDS;
  // A range's ends must each lie within one block: its first words from the first block, last from the last.
  const lastBlockPart = crossesBlocks ? normalizeText(selected.trim().split(/\n/).at(-1)!) : quote;
  const start = asRange ? words(inBlock).slice(0, EDGE_WORDS).join(" ") : quote;
  const end = asRange ? words(lastBlockPart).slice(-EDGE_WORDS).join(" ") : "";

  // Context from the block: the words before the quote and, for an exact quote, after it.
  const before = words(blockText.slice(0, from));
  const after = asRange ? [] : words(blockText.slice(to));
  let prefix = "";
  let suffix = "";
  for (let n = 1; occurrences(pageText, [prefix, start, suffix].filter(Boolean).join(" ")) > 1; n++) {
    if (n > CONTEXT_MAX_WORDS || (n > before.length && n > after.length)) break;
    prefix = before.slice(-n).join(" ");
    suffix = after.slice(0, n).join(" ");
  }

  const parts = [
    ...(prefix ? [`${encodeTextPart(prefix)}-`] : []),
    encodeTextPart(start),
    ...(end ? [encodeTextPart(end)] : []),
    ...(suffix ? [`-${encodeTextPart(suffix)}`] : []),
  ];
  return { quote, directive: `:~:text=${parts.join(",")}` };
}

/** The page URL (without its own fragment) followed by the text directive. */
export function quoteUrl(pageUrl: string, directive: string): string {
  return `${pageUrl.replace(/#.*$/, "")}#${directive}`;
}
