"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";

import { CONFIRMATION_MS, copyText } from "./copy";
import { ShareIcon } from "./share-icons";

const subscribeNever = () => () => {};

/**
 * Copy link and the native share sheet: the two share actions that need
 * JavaScript, so they are rendered only in the browser (nothing that cannot
 * work is shown without a script). The confirmation is visible and sits in a
 * polite live region, so screen readers announce it too.
 */
export function ShareActions({
  url,
  title,
  text,
  compact,
}: {
  url: string;
  title: string;
  text?: string;
  compact: boolean;
}) {
  const inBrowser = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const canShare = useSyncExternalStore(
    subscribeNever,
    () => typeof navigator.share === "function",
    () => false,
  );
  const [status, setStatus] = useState("");
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  if (!inBrowser) return null;

  function confirm(message: string) {
    setStatus(message);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStatus(""), CONFIRMATION_MS);
  }

  async function copy() {
    if (await copyText(url)) confirm("Copied");
    // Neither clipboard route is available: hand the link over to copy by hand.
    else window.prompt("Copy this link:", url);
  }

  async function share() {
    try {
      await navigator.share({ title, text, url });
    } catch {
      // Dismissed by the reader, or refused: nothing to report.
    }
  }

  const labelClass = compact ? "visually-hidden" : "share-bar__label";
  return (
    <>
      {canShare ? (
        <li>
          <button
            type="button"
            className="share-bar__link"
            onClick={share}
            data-share="native"
            title={compact ? "More ways to share" : undefined}
          >
            <ShareIcon name="share" />
            <span className={labelClass}>More…</span>
          </button>
        </li>
      ) : null}
      <li className="share-bar__copy">
        <button
          type="button"
          className="share-bar__link"
          onClick={copy}
          data-share="copy"
          title={compact ? "Copy link" : undefined}
        >
          <ShareIcon name="copy" />
          <span className={labelClass}>Copy link</span>
        </button>
        <span className="share-bar__status" role="status" aria-live="polite">
          {status}
        </span>
      </li>
    </>
  );
}
