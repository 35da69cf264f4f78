import { shareLinks } from "@/lib/share/links";
import { twitterHandle } from "@/lib/seo/metadata";

import { ShareActions } from "./share-actions";
import { ShareIcon } from "./share-icons";

type Props = {
  /** The canonical absolute URL being shared. */
  url: string;
  title: string;
  description?: string;
  /** `compact`: icons only (names for screen readers and tooltips), for the top of a post. */
  variant?: "compact" | "full";
};

/**
 * Share links rendered on the server: plain links that work without
 * JavaScript. Only copy-link and the native share sheet need a script; the
 * island (share.island.ts) shows them, with the URL and title the article
 * carries (`data-share-url`).
 */
export function ShareBar({ url, title, description, variant = "full" }: Props) {
  const compact = variant === "compact";
  const links = shareLinks({ url, title, description, via: twitterHandle });
  return (
    <div
      className={`share-bar share-bar--${variant}`}
      role="group"
      aria-label={compact ? "Share" : "Share this essay"}
      data-share-bar={variant}
    >
      {compact ? null : (
        <p className="share-bar__title" aria-hidden="true">
          Share this essay
        </p>
      )}
      <ul className="share-bar__list">
        {links.map((link) => (
          <li key={link.target}>
            <a
              className="share-bar__link"
              href={link.href}
              data-share={link.target}
              {...(link.external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
              aria-label={
                link.external ? `Share on ${link.label} (opens in a new tab)` : `Share by ${link.label.toLowerCase()}`
              }
              title={compact ? (link.external ? `Share on ${link.label}` : "Share by email") : undefined}
            >
              <ShareIcon name={link.target} />
              <span className={compact ? "visually-hidden" : "share-bar__label"}>{link.label}</span>
            </a>
          </li>
        ))}
        <ShareActions compact={compact} />
      </ul>
    </div>
  );
}
