/**
 * The reader's selection in the article, read from the DOM into what lib/share/text-fragment.ts needs: the
 * text of the block where it starts and where it starts there, and for a selection across blocks the block
 * where it ends and where it ends there, so both ends can be widened to whole words.
 */
import { normalizeText, textDirective } from "@/lib/share/text-fragment";

const BLOCKS = "p, li, blockquote, h2, h3, h4, td, th, figcaption, pre, dd, dt";

export type Selected = { quote: string; directive: string; link: string; top: number; left: number };

/** The length of the block's text before `(node, offset)`, normalized as the block's own text is. */
function offsetIn(block: Node, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  return before.toString().replace(/\s+/g, " ").replace(/^ /, "").length;
}

function blockOf(node: Node, container: Element): Element {
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest(BLOCKS);
  return block && container.contains(block) ? block : container;
}

/** What the reader selected in the article, as a quote and its directive; null when it is not a quote there. */
export function readSelection(container: Element): Omit<Selected, "link"> | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer)) return null;
  const startBlock = blockOf(range.startContainer, container);
  // A selection running past the article ends where the article does.
  const endInside = container.contains(range.endContainer);
  const endBlock = endInside ? blockOf(range.endContainer, container) : startBlock;
  const result = textDirective({
    pageText: normalizeText(document.body.innerText),
    blockText: normalizeText(startBlock.textContent ?? ""),
    offsetInBlock: offsetIn(startBlock, range.startContainer, range.startOffset),
    selected: selection.toString(),
    ...(endInside ? { endOffsetInBlock: offsetIn(endBlock, range.endContainer, range.endOffset) } : {}),
    ...(endBlock !== startBlock ? { endBlockText: normalizeText(endBlock.textContent ?? "") } : {}),
  });
  if (!result) return null;
  const rect = range.getBoundingClientRect();
  return {
    ...result,
    top: rect.bottom + window.scrollY + 8,
    left: Math.max(
      8,
      Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 288),
    ),
  };
}
