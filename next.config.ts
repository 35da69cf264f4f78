import type { NextConfig } from "next";

import { computeSearchIndexVersion } from "./lib/search/version";
import { searchIndexHeaders } from "./lib/search/serve";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/body-limit";
import { securityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // A second build (the e2e fixture of synthetic posts) goes to its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Inlined into server and client code at build time: the search index's folder (lib/search/paths.ts).
  env: { SEARCH_INDEX_VERSION: computeSearchIndexVersion() },
  experimental: {
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }, searchIndexHeaders];
  },
};

export default nextConfig;
