import { readFileSync } from "node:fs";
import path from "node:path";

import type { NextConfig } from "next";

import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/body-limit";
import { headerRules } from "./lib/security/headers";

/** The published posts' slugs, from what `npm run content` generated (read here without the app's modules). */
function publishedSlugs(): string[] {
  try {
    const file = path.join(process.cwd(), ".contentlayer", "generated", "Post", "_index.json");
    const posts = JSON.parse(readFileSync(file, "utf8")) as { draft?: boolean; _raw: { sourceFileName: string } }[];
    return posts.filter((post) => post.draft !== true).map((post) => post._raw.sourceFileName.replace(/\.mdx$/, ""));
  } catch {
    return [];
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
      ...headerRules(publishedSlugs()),
      // The islands' modules loaded on first use are named by content hash (lib/islands/islands-build.ts).
      { source: "/islands/:file*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
    ];
  },
};

export default nextConfig;
