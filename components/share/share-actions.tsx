import { ShareIcon } from "./share-icons";

/**
 * Copy link and the native share sheet: the two share actions that need JavaScript. They are in the markup but
 * not displayed unless the theme script in <head> marked the page as running JavaScript (`js`, and `can-share`
 * where the browser has a share sheet: components/layout/theme-early.island.ts), so nothing that cannot work shows
 * without a script and nothing appears after the first paint to push the page down. share.island.ts acts on them.
 * The confirmation sits in a polite live region.
 */
export function ShareActions({ compact }: { compact: boolean }) {
  const labelClass = compact ? "visually-hidden" : "share-bar__label";
  return (
    <>
      <li className="share-bar__needs-share">
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
      <li className="share-bar__copy share-bar__needs-js">
        <button type="button" className="share-bar__link" data-share="copy" title={compact ? "Copy link" : undefined}>
          <ShareIcon name="copy" />
          <span className={labelClass}>Copy link</span>
        </button>
        <span className="share-bar__status" role="status" aria-live="polite" />
      </li>
    </>
  );
}
