/**
 * The popover by a selection in the article: copy a link to the quote, or share it (LinkedIn, X, Bluesky,
 * Mastodon, asking once for the reader's server). The link is the canonical URL with a text fragment built by
 * lib/share/text-fragment.ts from the selection, widened to whole words at both ends.
 */
import { CONFIRMATION_MS, h, registerIsland } from "@/components/islands/dom";
import {
  MASTODON_INSTANCE_KEY,
  mastodonShareUrl,
  parseMastodonInstance,
  quoteShareLinks,
  quoteText,
} from "@/lib/share/quote";
import { quoteUrl } from "@/lib/share/text-fragment";

import { copyText } from "./copy";
import { readSelection, type Selected } from "./quote-selection";

const SETTLE_MS = 150;

function savedInstance(): string | null {
  try {
    const saved = localStorage.getItem(MASTODON_INSTANCE_KEY);
    const parsed = saved ? parseMastodonInstance(saved) : null;
    return parsed?.ok ? parsed.host : null;
  } catch {
    return null;
  }
}

export function startQuotePopover(container: HTMLElement, pageUrl: string, title: string): void {
  const status = h("p", { class: "quote-popover__status", role: "status" });
  const body = h("div", { class: "quote-popover__body" });
  const popover = h(
    "div",
    { class: "quote-popover", role: "group", "aria-label": "Quote", hidden: true },
    body,
    status,
  );
  document.body.append(popover);
  let selected: Selected | null = null;
  let timer: number | undefined;

  // Keep the reader's selection while they press a button (the field still takes focus).
  popover.addEventListener("mousedown", (event) => {
    if (!(event.target instanceof HTMLInputElement)) event.preventDefault();
  });

  function show(view: "actions" | "share" | "mastodon") {
    if (!selected) return;
    const quote = selected;
    if (view === "actions") {
      const copy = h("button", { type: "button" }, "Copy link to quote");
      const share = h("button", { type: "button", "aria-expanded": "false" }, "Share quote");
      copy.addEventListener("click", async () => {
        const copied = await copyText(quote.link);
        status.textContent = copied ? "Link to quote copied" : `Copy this link: ${quote.link}`;
        if (copied) window.setTimeout(() => (status.textContent = ""), CONFIRMATION_MS);
      });
      share.addEventListener("click", () => show("share"));
      body.replaceChildren(h("div", { class: "quote-popover__row" }, copy, share));
    } else if (view === "share") {
      const mastodon = h("button", { type: "button", "data-quote-share": "mastodon" }, "Mastodon");
      mastodon.addEventListener("click", () => {
        const host = savedInstance();
        if (host) openMastodon(host);
        else show("mastodon");
      });
      const links = quoteShareLinks({ quote: quote.quote, title, url: quote.link }).map((link) =>
        h(
          "li",
          {},
          h(
            "a",
            { href: link.href, target: "_blank", rel: "noopener noreferrer", "data-quote-share": link.target },
            link.label,
          ),
        ),
      );
      body.replaceChildren(
        h("ul", { class: "quote-popover__row", "aria-label": "Share quote on" }, ...links, h("li", {}, mastodon)),
      );
    } else {
      const input = h("input", {
        id: "quote-instance",
        name: "instance",
        placeholder: "mastodon.social",
        autocomplete: "off",
        spellcheck: "false",
      });
      const problem = h("p", {
        id: "quote-instance-problem",
        class: "quote-popover__problem",
        role: "alert",
        hidden: true,
      });
      const form = h(
        "form",
        { class: "quote-popover__form", novalidate: true },
        h("label", { for: "quote-instance" }, "Your Mastodon server"),
        input,
        h("button", { type: "submit" }, "Share"),
        problem,
      );
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const parsed = parseMastodonInstance(input.value);
        if (!parsed.ok) {
          problem.textContent = parsed.message;
          problem.hidden = false;
          input.setAttribute("aria-invalid", "true");
          input.setAttribute("aria-describedby", problem.id);
          return;
        }
        try {
          localStorage.setItem(MASTODON_INSTANCE_KEY, parsed.host);
        } catch {
          // Private mode: asked again next time.
        }
        openMastodon(parsed.host);
        show("share");
      });
      body.replaceChildren(form);
    }
  }

  function openMastodon(host: string) {
    if (selected)
      window.open(mastodonShareUrl(host, `${quoteText(selected.quote, title)} ${selected.link}`), "_blank", "noopener");
  }

  function update() {
    // A click inside the popover (its field, its links) must not dismiss it.
    if (popover.contains(document.activeElement)) return;
    const read = readSelection(container);
    selected = read ? { ...read, link: quoteUrl(pageUrl, read.directive) } : null;
    status.textContent = "";
    popover.hidden = !selected;
    if (!selected) return;
    popover.style.top = `${selected.top}px`;
    popover.style.left = `${selected.left}px`;
    show("actions");
  }

  document.addEventListener("selectionchange", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, SETTLE_MS);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") popover.hidden = true;
  });
  update();
}

registerIsland(import.meta.url, { startQuotePopover });
