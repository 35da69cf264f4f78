import { readFileSync } from "node:fs";
import path from "node:path";

import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants";

// Next loads this file with a require hook that resolves the `@/` alias against the importing file's folder, so
// everything imported from here (lib/deploy/, lib/search/ version and serve, lib/env.ts, lib/site.ts) uses
// relative imports.
import { checkBuildOrExit } from "./lib/deploy/build-check";
import { buildSiteUrlRecord } from "./lib/deploy/checks";
import { computeSearchIndexVersion } from "./lib/search/version";
import { searchIndexHeaders } from "./lib/search/serve";
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

export default function config(phase: string): NextConfig {
  // A production build with a bad or unsafe configuration stops here, before anything is compiled.
  if (phase === PHASE_PRODUCTION_BUILD) checkBuildOrExit();
  return {
    // A second build (the e2e fixture of synthetic posts) goes to its own folder.
    distDir: process.env.NEXT_DIST_DIR || ".next",
    // NEXT_OUTPUT=standalone: a self-contained server in <dist>/standalone for a container (docs/deploy.md).
    ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" as const } : {}),
    poweredByHeader: false,
    reactStrictMode: true,
    // Inlined into server and client code at build time: the search index's folder (lib/search/paths.ts), and
    // the SITE_URL the build was made with, which the server compares with its own at start (lib/deploy/checks.ts).
    env: {
      SEARCH_INDEX_VERSION: computeSearchIndexVersion(),
      BUILD_SITE_URL: buildSiteUrlRecord(),
    },
    experimental: {
      serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    },
    async headers() {
      // Long-lived caching is for built files: next dev rebuilds them in place (and warns about such headers).
      const immutable =
        phase === PHASE_DEVELOPMENT_SERVER
          ? []
          : [
              searchIndexHeaders,
              // The islands' modules loaded on first use are named by content hash (lib/islands/islands-build.ts).
              {
                source: "/islands/:file*",
                headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
              },
            ];
      return [...headerRules(staticPages()), ...immutable];
    },
  };
}
