import { ShareIcon } from "./share-icons";

/**
 * Copy link and the native share sheet: the two share actions that need JavaScript. They are in the markup but
 * hidden; the island (share.island.ts) shows "Copy link", and "More…" where the browser has a share sheet, so
 * nothing that cannot work shows without a script. The confirmation sits in a polite live region.
 */
export function ShareActions({ compact }: { compact: boolean }) {
  const labelClass = compact ? "visually-hidden" : "share-bar__label";
  return (
    <>
      <li hidden suppressHydrationWarning>
        <button
          type="button"
          className="share-bar__link"
          data-share="native"
          title={compact ? "More ways to share" : undefined}
        >
          <ShareIcon name="share" />
          <span className={labelClass}>More…</span>
        </button>
      </li>
      <li className="share-bar__copy" hidden suppressHydrationWarning>
        <button type="button" className="share-bar__link" data-share="copy" title={compact ? "Copy link" : undefined}>
          <ShareIcon name="copy" />
          <span className={labelClass}>Copy link</span>
        </button>
        <span className="share-bar__status" role="status" aria-live="polite" />
      </li>
    </>
  );
}
