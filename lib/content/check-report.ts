import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { PostFileCheck } from "./check";
import { formatProblem, warningsOf, type ContentProblem } from "./problems";

/**
 * What the content check found, written where the site reads it (lib/content/held-posts.ts imports the file, so
 * `next dev` reloads the pages that show a post when it changes). `npm run content` writes it with no held post
 * (the build stops otherwise); `npm run dev` rewrites it on every save that changes it.
 */

export const CHECK_REPORT_FILE = path.join(".contentlayer", "content-check.json");

/** A post file with errors: the site holds back its new version and shows the problems at its URL instead. */
export type HeldPost = {
  /** Relative to the content folder, as contentlayer names it (`posts/x.mdx`). */
  sourcePath: string;
  slug: string;
  /** As the author knows it (`content/posts/x.mdx`). */
  file: string;
  /** The title as written, when there is one (a post that never passed the check has no last good version). */
  title?: string;
  /** Every error that names this file, in the build's format. */
  problems: string[];
};

export type CheckReport = { held: HeldPost[]; warnings: string[] };

export function checkReport(checks: readonly PostFileCheck[], problems: readonly ContentProblem[]): CheckReport {
  const held: HeldPost[] = [];
  for (const check of checks) {
    if (!check.sourcePath.endsWith(".mdx")) continue;
    const own = problems.filter(
      (problem) => problem.severity === "error" && (problem.file === check.file || problem.others?.includes(check.file)),
    );
    if (own.length === 0) continue;
    held.push({
      sourcePath: check.sourcePath,
      slug: check.slug,
      file: check.file,
      ...(check.title ? { title: check.title } : {}),
      problems: own.map(formatProblem),
    });
  }
  return { held, warnings: warningsOf(problems).map(formatProblem) };
}

/** Writes the report (atomically, so the dev server never reads half a file); false when it did not change. */
export function writeCheckReport(report: CheckReport, cwd = process.cwd()): boolean {
  const file = path.join(cwd, CHECK_REPORT_FILE);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  try {
    if (readFileSync(file, "utf8") === text) return false;
  } catch {
    // Not written yet.
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  return true;
}
