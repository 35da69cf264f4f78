"use client";

import { useEffect, useRef, useState } from "react";

import { CONFIRMATION_MS, copyText } from "./copy";

/**
 * Section links: one listener on the article for every heading's
 * `.heading-anchor` (event delegation, no per-heading script). A click puts
 * `#section` in the address bar without a new history entry, scrolls the
 * heading in under the sticky header (its `scroll-margin-top`) and copies
 * the canonical URL with the anchor. Without JavaScript the anchors are
 * plain `#section` links and still work.
 */
export function SectionLinks({ url, containerId }: { url: string; containerId: string }) {
  const [message, setMessage] = useState("");
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const container = document.getElementById(containerId);
    if (!container) return;

    async function onClick(event: MouseEvent) {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      const anchor =
        event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a.heading-anchor") : null;
      const hash = anchor?.getAttribute("href");
      if (!hash?.startsWith("#")) return;
      const target = document.getElementById(decodeURIComponent(hash.slice(1)));
      if (!target) return;
      event.preventDefault();
      // Keep the router's history state; only the fragment changes.
      window.history.replaceState(window.history.state, "", hash);
      target.scrollIntoView({ block: "start" });
      const copied = await copyText(`${url}${hash}`);
      setMessage(copied ? "Link to this section copied" : "Link to this section is in the address bar");
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setMessage(""), CONFIRMATION_MS);
    }

    container.addEventListener("click", onClick);
    return () => {
      container.removeEventListener("click", onClick);
      window.clearTimeout(timer.current);
    };
  }, [url, containerId]);

  return (
    <p className="section-link-toast" role="status" aria-live="polite" data-visible={message ? "true" : "false"}>
      {message}
    </p>
  );
}
