/**
 * `npm run content`: checks every post (frontmatter, slug, MDX syntax) and
 * then runs `contentlayer2 build`. Any problem stops with a non-zero exit and
 * one line per problem. `--check-only` skips contentlayer (used by `npm run dev`).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

import { checkContent } from "../lib/content/check";
import { contentDir as readContentDir } from "../lib/env";

const contentDir = readContentDir();
const checkOnly = process.argv.includes("--check-only");

const started = performance.now();
const { files, problems } = await checkContent(contentDir);

if (problems.length > 0) {
  console.error(
    `\n✖ ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${contentDir}/posts — fix ${problems.length === 1 ? "it" : "them"} and build again:\n`,
  );
  for (const problem of problems) console.error(`  ${problem}`);
  console.error("");
  process.exit(1);
}
console.log(
  `✓ ${files} post file${files === 1 ? "" : "s"} checked in ${Math.round(performance.now() - started)} ms (${contentDir}/posts)`,
);

if (!checkOnly) {
  const bin = path.resolve(
    "node_modules",
    ".bin",
    process.platform === "win32" ? "contentlayer2.cmd" : "contentlayer2",
  );
  // contentlayer2 takes its project directory from PWD, which a parent's `cwd` option does not update.
  const result = spawnSync(bin, ["build"], { stdio: "inherit", env: { ...process.env, PWD: process.cwd() } });
  if (result.status !== 0) {
    console.error(`✖ contentlayer2 build failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}
