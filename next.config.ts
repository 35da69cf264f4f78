import type { NextConfig } from "next";

import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/body-limit";
import { securityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // A second build (the e2e fixture of synthetic posts) goes to its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

export default nextConfig;
