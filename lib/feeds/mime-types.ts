/** The registered media types of the feeds: the routes answer with them and the autodiscovery links announce them. */
export const feedMimeTypes = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
} as const;
