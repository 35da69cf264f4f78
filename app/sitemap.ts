import type { MetadataRoute } from "next";

import { getPosts } from "@/lib/content/posts";
import { sitemapEntries } from "@/lib/seo/sitemap";
import { site } from "@/lib/site";

export default function sitemap(): MetadataRoute.Sitemap {
  return sitemapEntries(getPosts(), site.postsPerPage);
}
