/** Where the feeds live; routes, autodiscovery links, the footer and the sitemap all read these. */
export const feedPaths = {
  rss: "/feed.xml",
  atom: "/atom.xml",
  json: "/feed.json",
} as const;

export const feedMimeTypes = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
} as const;

export function tagFeedPath(tagSlug: string): string {
  return `/tags/${tagSlug}/feed.xml`;
}
