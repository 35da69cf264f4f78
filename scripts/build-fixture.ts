/**
 * Builds a second copy of the site from 45 synthetic posts (2 of them drafts)
 * into `.next-fixture`, so end-to-end tests can check pagination and drafts at
 * a size the sample content does not reach. Used by `npm test`.
 * Two more posts come from the drills (drill/lib/hostile-posts.ts): a draft
 * with distinctive text and a post whose title is hostile markup, so the e2e
 * scan (tests/e2e/drills.spec.ts) proves neither leaks nor breaks a template.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

import { writeDrillPosts } from "../drill/lib/hostile-posts";
import { generatePosts } from "./generate-posts";

export const FIXTURE_CONTENT_DIR = path.join(".fixture", "content");
export const FIXTURE_DIST_DIR = ".next-fixture";

generatePosts({ out: FIXTURE_CONTENT_DIR, count: 45, drafts: 2, seed: 7 });
writeDrillPosts(path.join(FIXTURE_CONTENT_DIR, "posts"));
const env = { ...process.env, CONTENT_DIR: FIXTURE_CONTENT_DIR, NEXT_DIST_DIR: FIXTURE_DIST_DIR };
for (const [cmd, args] of [
  [process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/build-content.ts"]],
  [process.execPath, ["node_modules/next/dist/bin/next", "build"]],
] as const) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
