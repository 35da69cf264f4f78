import { loadIsland } from "@/components/islands/dom";

/**
 * Quote links, on devices with a fine pointer (on touch, the section links and the native share stay the way):
 * waits for the first selection inside the article's text, then loads the popover (quote-popover.island.ts, a
 * module of its own) and hands over to it. A selection made before this script ran still counts.
 */

declare const QUOTE_POPOVER_MODULE: string;

/** The article's text, where a selection offers a link to the quote. */
export const QUOTE_CONTAINER_SELECTOR = "#post .prose";

export function initQuoteLinks(doc: Document = document): void {
  const container = doc.querySelector<HTMLElement>(QUOTE_CONTAINER_SELECTOR);
  const post = container?.closest<HTMLElement>("[data-share-url]");
  if (!container || !post || !matchMedia("(pointer: fine)").matches) return;
  let started = false;
  function onSelection() {
    const selection = doc.getSelection();
    if (started || !selection || selection.isCollapsed || !container!.contains(selection.anchorNode)) return;
    started = true;
    doc.removeEventListener("selectionchange", onSelection);
    loadIsland<typeof import("./quote-popover.island")>(QUOTE_POPOVER_MODULE)
      .then((module) => module.startQuotePopover(container!, post!.dataset.shareUrl!, post!.dataset.shareTitle ?? ""))
      .catch(() => {
        // Offline: no popover; the section links still work.
        started = false;
      });
  }
  doc.addEventListener("selectionchange", onSelection);
  onSelection();
}
