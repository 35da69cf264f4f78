/**
 * Builds a second copy of the site from 45 synthetic posts (2 of them drafts)
 * into `.next-fixture`, so end-to-end tests can check pagination and drafts at
 * a size the sample content does not reach. Used by `npm test`.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

import { generatePosts } from "./generate-posts";

export const FIXTURE_CONTENT_DIR = path.join(".fixture", "content");
export const FIXTURE_DIST_DIR = ".next-fixture";

generatePosts({ out: FIXTURE_CONTENT_DIR, count: 45, drafts: 2, seed: 7 });
const env = { ...process.env, CONTENT_DIR: FIXTURE_CONTENT_DIR, NEXT_DIST_DIR: FIXTURE_DIST_DIR };
for (const [cmd, args] of [
  [process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/build-content.ts"]],
  [process.execPath, ["node_modules/next/dist/bin/next", "build"]],
] as const) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
