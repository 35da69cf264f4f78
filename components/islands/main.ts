/**
 * The one script of every page's islands, inlined at the end of <body> (components/layout/site-shell.tsx) and
 * allowed by its hash (lib/security/headers.ts): theme toggle, search trigger, share actions and section links,
 * quote links and the newsletter forms. Each part finds its elements by data attributes and listens on the
 * document, so it works on any page whatever else is on it (and survives React re-rendering the App Router's
 * pages). The search dialog and the quote popover are modules of their own, loaded on first use.
 * Built by scripts/build-islands.ts.
 */
import { initThemeToggle } from "@/components/layout/theme-toggle.island";
import { initSubscribe } from "@/components/newsletter/subscribe.island";
import { initSearchTrigger } from "@/components/search/search-trigger.island";
import { initQuoteLinks } from "@/components/share/quote-links.island";
import { initShare } from "@/components/share/share.island";

// Each island starts in a task of its own, after the parser's: nothing here lengthens the page's first long task
// (what Total Blocking Time counts), and nothing it does changes the layout (see share-actions.tsx).
for (const init of [initThemeToggle, initSearchTrigger, initShare, initQuoteLinks, initSubscribe]) {
  setTimeout(() => {
    try {
      init(document);
    } catch (error) {
      // One island failing (an old browser missing an API) must not stop the others.
      console.error(error);
    }
  }, 0);
}
