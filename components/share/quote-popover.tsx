"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { createPortal } from "react-dom";

import {
  MASTODON_INSTANCE_KEY,
  mastodonShareUrl,
  parseMastodonInstance,
  quoteShareLinks,
  quoteText,
} from "@/lib/share/quote";
import { normalizeText, quoteUrl, textDirective } from "@/lib/share/text-fragment";

import { CONFIRMATION_MS, copyText } from "./copy";

const BLOCKS = "p, li, blockquote, h2, h3, h4, td, th, figcaption, pre, dd, dt";
const SETTLE_MS = 150;

type Selected = { quote: string; link: string; top: number; left: number };

/** What the reader selected in the article, as a quote and its link; null when it is not a quote there. */
function readSelection(container: Element, pageUrl: string): Selected | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer)) return null;
  const startElement =
    range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const block = startElement?.closest(BLOCKS) ?? container;
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const offsetInBlock = before.toString().replace(/\s+/g, " ").replace(/^ /, "").length;
  const result = textDirective({
    pageText: normalizeText(document.body.innerText),
    blockText: normalizeText(block.textContent ?? ""),
    offsetInBlock,
    selected: selection.toString(),
  });
  if (!result) return null;
  const rect = range.getBoundingClientRect();
  return {
    quote: result.quote,
    link: quoteUrl(pageUrl, result.directive),
    top: rect.bottom + window.scrollY + 8,
    left: Math.max(
      8,
      Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 288),
    ),
  };
}

function savedInstance(): string | null {
  try {
    const saved = localStorage.getItem(MASTODON_INSTANCE_KEY);
    const parsed = saved ? parseMastodonInstance(saved) : null;
    return parsed?.ok ? parsed.host : null;
  } catch {
    return null;
  }
}

/** The popover by a selection in the article: copy a link to the quote, or share it. */
export default function QuotePopover({
  url,
  title,
  containerSelector,
}: {
  url: string;
  title: string;
  containerSelector: string;
}) {
  const [selected, setSelected] = useState<Selected | null>(null);
  const [view, setView] = useState<"actions" | "share" | "mastodon">("actions");
  const [message, setMessage] = useState("");
  const [problem, setProblem] = useState("");
  const popover = useRef<HTMLDivElement>(null);
  const ids = useId();

  useEffect(() => {
    const container = document.querySelector(containerSelector);
    if (!container) return;
    let timer: number | undefined;
    function update() {
      // A click inside the popover (its field, its links) must not dismiss it.
      if (popover.current?.contains(document.activeElement)) return;
      setSelected(readSelection(container!, url));
      setView("actions");
      setMessage("");
      setProblem("");
    }
    function onSelection() {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, SETTLE_MS);
    }
    function onKey(event: KeyboardEvent) {
      if (event.key === "Escape") setSelected(null);
    }
    update();
    document.addEventListener("selectionchange", onSelection);
    document.addEventListener("keydown", onKey);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("selectionchange", onSelection);
      document.removeEventListener("keydown", onKey);
    };
  }, [containerSelector, url]);

  if (!selected) return null;

  async function copy() {
    const copied = await copyText(selected!.link);
    setMessage(copied ? "Link to quote copied" : `Copy this link: ${selected!.link}`);
    if (copied) window.setTimeout(() => setMessage(""), CONFIRMATION_MS);
  }

  function openMastodon(host: string) {
    window.open(mastodonShareUrl(host, `${quoteText(selected!.quote, title)} ${selected!.link}`), "_blank", "noopener");
  }

  function onMastodon() {
    const host = savedInstance();
    if (host) openMastodon(host);
    else setView("mastodon");
  }

  function onInstance(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = new FormData(event.currentTarget).get("instance");
    const parsed = parseMastodonInstance(typeof field === "string" ? field : "");
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    try {
      localStorage.setItem(MASTODON_INSTANCE_KEY, parsed.host);
    } catch {
      // Private mode: asked again next time.
    }
    setProblem("");
    openMastodon(parsed.host);
    setView("share");
  }

  // In <body>, so its page coordinates hold whatever the article's own positioning.
  return createPortal(
    <div
      ref={popover}
      className="quote-popover"
      role="group"
      aria-label="Quote"
      style={{ top: selected.top, left: selected.left }}
      // Keep the reader's selection while they press a button (the field still takes focus).
      onMouseDown={(event) => {
        if (!(event.target instanceof HTMLInputElement)) event.preventDefault();
      }}
    >
      {view === "actions" ? (
        <div className="quote-popover__row">
          <button type="button" onClick={copy}>
            Copy link to quote
          </button>
          <button type="button" onClick={() => setView("share")} aria-expanded={false}>
            Share quote
          </button>
        </div>
      ) : null}
      {view === "share" ? (
        <ul className="quote-popover__row" aria-label="Share quote on">
          {quoteShareLinks({ quote: selected.quote, title, url: selected.link }).map((link) => (
            <li key={link.target}>
              <a href={link.href} target="_blank" rel="noopener noreferrer" data-quote-share={link.target}>
                {link.label}
              </a>
            </li>
          ))}
          <li>
            <button type="button" onClick={onMastodon} data-quote-share="mastodon">
              Mastodon
            </button>
          </li>
        </ul>
      ) : null}
      {view === "mastodon" ? (
        <form className="quote-popover__form" onSubmit={onInstance} noValidate>
          <label htmlFor={`${ids}-instance`}>Your Mastodon server</label>
          <input
            id={`${ids}-instance`}
            name="instance"
            placeholder="mastodon.social"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${ids}-problem` : undefined}
          />
          <button type="submit">Share</button>
          {problem ? (
            <p id={`${ids}-problem`} className="quote-popover__problem" role="alert">
              {problem}
            </p>
          ) : null}
        </form>
      ) : null}
      <p className="quote-popover__status" role="status">
        {message}
      </p>
    </div>,
    document.body,
  );
}
