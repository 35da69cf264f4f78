"use client";

import { lazy, Suspense, useEffect, useState } from "react";

// The popover and the fragment rules load on the first selection in the article, never before.
const QuotePopover = lazy(() => import("./quote-popover"));

/** The article's text, where a selection offers a link to the quote. */
export const QUOTE_CONTAINER_SELECTOR = "#post .prose";

/**
 * Quote links, on devices with a fine pointer (on touch, the section links and the native share remain the
 * way): waits for the first selection inside the article, then hands over to the popover.
 */
export function QuoteLinks({ url, title }: { url: string; title: string }) {
  const [active, setActive] = useState(false);

  useEffect(() => {
    if (!window.matchMedia("(pointer: fine)").matches) return;
    function onSelection() {
      const selection = document.getSelection();
      const container = document.querySelector(QUOTE_CONTAINER_SELECTOR);
      if (!selection || selection.isCollapsed || !container?.contains(selection.anchorNode)) return;
      setActive(true);
      document.removeEventListener("selectionchange", onSelection);
    }
    document.addEventListener("selectionchange", onSelection);
    // A selection made before this script ran (a slow connection) still counts.
    onSelection();
    return () => document.removeEventListener("selectionchange", onSelection);
  }, []);

  return active ? (
    <Suspense fallback={null}>
      <QuotePopover url={url} title={title} containerSelector={QUOTE_CONTAINER_SELECTOR} />
    </Suspense>
  ) : null;
}
