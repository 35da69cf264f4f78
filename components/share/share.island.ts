import { closestTarget, flash, isPlainClick } from "@/components/islands/dom";

import { copyText } from "./copy";

/**
 * What a post's share bars and headings do with JavaScript (components/share/share-bar.tsx renders the rest):
 * - "Copy link" and, where the browser has one, "More…" (the native share sheet): shown from the first paint by
 *   the head script's classes (share-actions.tsx), they act here;
 * - a heading's `#` link puts `#section` in the address bar (no new history entry), scrolls the heading under
 *   the sticky header and copies the canonical URL with the anchor; without JavaScript it is a plain link.
 * One delegated listener each; the canonical URL and title come from the article (`data-share-url`).
 */

const ARTICLE = "[data-share-url]";

function article(from: Element): HTMLElement | null {
  return from.closest<HTMLElement>(ARTICLE) ?? document.querySelector<HTMLElement>(ARTICLE);
}

export function initShare(doc: Document = document): void {
  doc.addEventListener("click", async (event) => {
    const button = closestTarget<HTMLButtonElement>(event, 'button[data-share="copy"], button[data-share="native"]');
    if (button) {
      const post = article(button);
      const url = button.closest<HTMLElement>("[data-url]")?.dataset.url ?? post?.dataset.shareUrl ?? location.href;
      if (button.dataset.share === "native") {
        try {
          await navigator.share({
            title: post?.dataset.shareTitle ?? document.title,
            text: post?.dataset.shareText,
            url,
          });
        } catch {
          // Dismissed by the reader, or refused: nothing to report.
        }
        return;
      }
      const status = button.parentElement?.querySelector<HTMLElement>("[role=status]");
      if (await copyText(url)) {
        if (status) flash(status, "Copied");
      } else window.prompt("Copy this link:", url);
      return;
    }

    const anchor = closestTarget<HTMLAnchorElement>(event, "a.heading-anchor");
    if (!anchor || !(event instanceof MouseEvent) || !isPlainClick(event)) return;
    const hash = anchor.getAttribute("href");
    const post = article(anchor);
    if (!hash?.startsWith("#") || !post) return;
    const target = doc.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    history.replaceState(history.state, "", hash);
    target.scrollIntoView({ block: "start" });
    const copied = await copyText(`${post.dataset.shareUrl}${hash}`);
    const toast = post.querySelector<HTMLElement>(".section-link-toast");
    if (toast) flash(toast, copied ? "Link to this section copied" : "Link to this section is in the address bar");
  });
}
