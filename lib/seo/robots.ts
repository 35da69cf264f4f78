import type { MetadataRoute } from "next";

import { indexingEnv, type IndexingEnv } from "@/lib/env";
import { adminPath, sitemapPath } from "@/lib/routes";
import { absoluteUrl, siteUrl } from "@/lib/site";

import { isIndexableSiteUrl } from "./indexing";

/** robots.txt: open on the production site (but never /admin), closed everywhere else (localhost, previews). */
export function robotsFor(url: URL = siteUrl, env: IndexingEnv = indexingEnv()): MetadataRoute.Robots {
  const indexable = isIndexableSiteUrl(url, env);
  return {
    rules: indexable ? { userAgent: "*", allow: "/", disallow: adminPath } : { userAgent: "*", disallow: "/" },
    sitemap: absoluteUrl(sitemapPath),
  };
}
