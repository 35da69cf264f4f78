/**
 * `npm run content` (the first step of every build): checks every post (frontmatter, slug, dates, MDX, code
 * languages, images, series, tag spellings) and then runs `contentlayer2 build`. Any error stops it with a
 * non-zero exit and one line per problem (`file:line:col: what, and what to do`); warnings are printed and the
 * build goes on. `--check-only` skips contentlayer. `npm run dev` runs the same check on every save (scripts/dev.ts).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

import { checkContentFiles } from "../lib/content/check";
import { checkReport, writeCheckReport } from "../lib/content/check-report";
import { errorsOf, formatProblem, warningsOf } from "../lib/content/problems";
import { contentDir as readContentDir } from "../lib/env";

const contentDir = readContentDir();
const checkOnly = process.argv.includes("--check-only");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const started = performance.now();
const { checks, problems } = await checkContentFiles(contentDir);
const errors = errorsOf(problems);
const warnings = warningsOf(problems);

if (warnings.length > 0) {
  console.warn(`\n⚠ ${plural(warnings.length, "warning")} in ${contentDir}/posts (the build goes on):\n`);
  for (const warning of warnings) console.warn(`  ${formatProblem(warning)}`);
  console.warn("");
}
if (errors.length > 0) {
  console.error(
    `\n✖ ${plural(errors.length, "problem")} in ${contentDir}/posts — fix ${errors.length === 1 ? "it" : "them"} and build again:\n`,
  );
  for (const problem of errors) console.error(`  ${formatProblem(problem)}`);
  console.error("");
  process.exit(1);
}
// The site imports the report (lib/content/held-posts.ts): a build holds no post back, and says so.
writeCheckReport(checkReport(checks, problems));
console.log(
  `✓ ${plural(checks.length, "post file")} checked in ${Math.round(performance.now() - started)} ms (${contentDir}/posts)`,
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
