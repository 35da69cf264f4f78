import type { MetadataRoute } from "next";

import { absoluteUrl, siteUrl } from "@/lib/site";

import { isIndexableSiteUrl, type IndexingEnv } from "./indexing";

/** robots.txt: open on the production site, closed everywhere else (localhost, previews). */
export function robotsFor(url: URL = siteUrl, env: IndexingEnv = process.env): MetadataRoute.Robots {
  const indexable = isIndexableSiteUrl(url, env);
  return {
    rules: indexable ? { userAgent: "*", allow: "/" } : { userAgent: "*", disallow: "/" },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
