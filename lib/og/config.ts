/** Open Graph image settings shared by the image routes and the metadata that links to them. */

export const ogImageSize = { width: 1200, height: 630 } as const;
export const ogImageType = "image/png";

/**
 * Bumped when the card design changes. It is part of each image URL's `?v=`
 * so platforms that cache a card by URL (LinkedIn, Slack, X) fetch it again.
 */
const OG_DESIGN_VERSION = 2;

/** A short, stable hash (FNV-1a, base 36) of what a card shows. */
export function ogVersion(...parts: readonly (string | number | undefined)[]): string {
  let hash = 0x811c9dc5;
  for (const char of [OG_DESIGN_VERSION, ...parts].map((part) => String(part ?? "")).join("\u0000")) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
