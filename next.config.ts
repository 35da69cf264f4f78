import { readFileSync } from "node:fs";
import path from "node:path";

import type { NextConfig } from "next";

import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/body-limit";
import { toTags } from "./lib/content/tags";
import { headerRules, type StaticPages } from "./lib/security/headers";

/**
 * The published posts and how many posts each topic holds, from what `npm run content` generated (read here
 * without the app's modules): the static pages' strict script policy names them (lib/security/headers.ts).
 */
function staticPages(): StaticPages {
  try {
    const file = path.join(process.cwd(), ".contentlayer", "generated", "Post", "_index.json");
    const posts = (
      JSON.parse(readFileSync(file, "utf8")) as { draft?: boolean; tags?: string[]; _raw: { sourceFileName: string } }[]
    ).filter((post) => post.draft !== true);
    const tags: Record<string, number> = {};
    for (const post of posts) for (const tag of toTags(post.tags ?? [])) tags[tag.slug] = (tags[tag.slug] ?? 0) + 1;
    return { posts: posts.map((post) => post._raw.sourceFileName.replace(/\.mdx$/, "")), tags };
  } catch {
    return { posts: [] };
  }
}

const nextConfig: NextConfig = {
  // A second build (the e2e fixture of synthetic posts) goes to its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [
      ...headerRules(staticPages()),
      // The islands' modules loaded on first use are named by content hash (lib/islands/islands-build.ts).
      { source: "/islands/:file*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
    ];
  },
};

export default nextConfig;
