import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";

// Next loads this file with a require hook that resolves the `@/` alias against the importing file's folder, so
// everything imported from here (lib/deploy/, lib/search/ version and serve, lib/env.ts, lib/site.ts) uses
// relative imports.
import { checkBuildOrExit } from "./lib/deploy/build-check";
import { buildSiteUrlRecord } from "./lib/deploy/checks";
import { computeSearchIndexVersion } from "./lib/search/version";
import { searchIndexHeaders } from "./lib/search/serve";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/body-limit";
import { securityHeaders } from "./lib/security/headers";

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
      return [{ source: "/:path*", headers: securityHeaders() }, searchIndexHeaders];
    },
  };
}
