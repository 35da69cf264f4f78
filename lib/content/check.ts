import matter from "gray-matter";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { site } from "@/lib/site";

import { mapFrontmatter, type FrontmatterMap, type Position } from "./frontmatter-lines";
import { checkPostBody } from "./mdx-check";
import { errorsOf, formatProblem, sortProblems, uniqueProblems, warningsOf, type ContentProblem } from "./problems";
import { formatPath, parseFrontmatter, SLUG_PATTERN, type FrontmatterIssue } from "./schema";
import { seriesIssues, type SeriesClaim } from "./series";
import { chooseTagLabels, normalizeTagName, pinnedTagLabels, tagSlug, type TagUse } from "./tags";

/**
 * The content check: every post file before contentlayer reads it (`npm run content`, so every build) and every
 * save under `npm run dev` (lib/content/dev-content.ts). Each problem names the file, the line and column from the
 * top of the file, what is wrong and what to do; errors stop the build, warnings (a tag spelt two ways) do not.
 */

/** What one file contributes: its own problems, and what the checks across files need. */
export type PostFileCheck = {
  /** As shown to the author (relative to the project when inside it). */
  file: string;
  /** Relative to the content folder, as contentlayer names it (`posts/x.mdx`). */
  sourcePath: string;
  slug: string;
  /** The title as written, for the page `npm run dev` shows when the file has problems. */
  title?: string;
  problems: ContentProblem[];
  tags: TagUse[];
  claim?: SeriesClaim;
};

export type ContentCheck = {
  files: number;
  /** Errors, one line each (`file:line:col: what, and what to do`). */
  problems: string[];
  warnings: string[];
};

export async function listPostFiles(postsDir: string): Promise<string[]> {
  try {
    const entries = await readdir(postsDir, { withFileTypes: true, recursive: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** How the author knows a file: relative to the project when it is inside it, else its absolute path. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

function issuePosition(issue: FrontmatterIssue, data: Record<string, unknown>, map: FrontmatterMap): Position {
  const [key, index] = issue.path;
  const fallback = { line: map.closeLine || 1, column: 1 };
  if (typeof key !== "string") return fallback;
  if (issue.message.startsWith("unknown field")) return map.key(key) ?? fallback;
  const value = data[key];
  if (typeof index === "number" && Array.isArray(value)) {
    return map.find(key, String(value[index])) ?? map.value(key) ?? fallback;
  }
  // A field required by another one (seriesOrder by series): point at the one that is there.
  return map.value(key) ?? (key === "seriesOrder" ? map.key("series") : key === "series" ? map.key("seriesOrder") : undefined) ?? fallback;
}

function frontmatterTags(data: Record<string, unknown>, file: string, map: FrontmatterMap): TagUse[] {
  if (!Array.isArray(data.tags)) return [];
  const seen = new Set<string>();
  const uses: TagUse[] = [];
  for (const raw of data.tags) {
    if (typeof raw !== "string" || !normalizeTagName(raw)) continue;
    const slug = tagSlug(normalizeTagName(raw));
    if (seen.has(slug)) continue;
    seen.add(slug);
    uses.push({ name: normalizeTagName(raw), file, ...(map.find("tags", raw) ?? map.value("tags")) });
  }
  return uses;
}

/** Checks one file of the posts folder. */
export async function checkPostFile(
  absolutePath: string,
  {
    contentDir,
    cwd = process.cwd(),
    bodies,
  }: {
    contentDir: string;
    cwd?: string;
    /** The last body checked per file, so a save that changed only the frontmatter skips the MDX work. */
    bodies?: Map<string, { key: string; problems: ContentProblem[] }>;
  },
): Promise<PostFileCheck> {
  const file = displayPath(absolutePath, cwd);
  const sourcePath = path.relative(contentDir, absolutePath).split(path.sep).join("/");
  const slug = path.basename(absolutePath, path.extname(absolutePath));
  const result: PostFileCheck = { file, sourcePath, slug, problems: [], tags: [] };
  const problem = (message: string, at?: Partial<Position>) =>
    result.problems.push({ file, ...(at?.line ? { line: at.line } : {}), ...(at?.column ? { column: at.column } : {}), message, severity: "error" });

  if (!absolutePath.endsWith(".mdx")) {
    problem(`only .mdx files are posts; rename it to ${slug}.mdx or move it out of ${displayPath(path.join(contentDir, "posts"), cwd)}`);
    return result;
  }
  if (!SLUG_PATTERN.test(slug)) {
    const suggestion = slug.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    problem(`file name "${slug}" is not a valid slug: use lowercase letters, digits and single hyphens${suggestion ? ` (e.g. ${suggestion}.mdx)` : ""}`);
  }

  const raw = await readFile(absolutePath, "utf8");
  if (!/^---\r?\n/.test(raw)) {
    problem("missing frontmatter: start the file with a --- block holding title, description and publishDate", { line: 1, column: 1 });
    return result;
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh options object disables gray-matter's cache, which would hide edits in watch mode.
    parsed = matter(raw, {});
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    problem(`frontmatter is not valid YAML: ${reason}; fix the --- block at the top of the file`, {
      // The YAML parser counts from the end of the opening --- line.
      ...(mark?.line !== undefined ? { line: mark.line + 1, column: (mark.column ?? 0) + 1 } : {}),
    });
    return result;
  }

  const map = mapFrontmatter(raw);
  const data = (parsed.data ?? {}) as Record<string, unknown>;
  const frontmatter = parseFrontmatter(file, data);
  if (!frontmatter.ok) {
    for (const issue of frontmatter.issues) {
      const field = issue.path.length ? formatPath(issue.path) : "frontmatter";
      problem(`"${field}": ${issue.message}`, issuePosition(issue, data, map));
    }
  }
  // The series part counts even when another field is wrong, so one mistake does not also report a gap.
  const { series, seriesOrder: order } = data;
  if (typeof series === "string" && series.trim() && typeof order === "number" && Number.isInteger(order) && order >= 1) {
    result.claim = { file, series: series.trim(), order, draft: data.draft === true };
  }
  result.tags = frontmatterTags(data, file, map);
  if (typeof data.title === "string" && data.title.trim()) result.title = data.title.trim();

  const lineOffset = raw.slice(0, raw.length - parsed.content.length).split("\n").length - 1;
  const key = `${lineOffset}\0${parsed.content}`;
  const cached = bodies?.get(file);
  const body = cached?.key === key ? cached.problems : await checkPostBody(parsed.content, { file, lineOffset, root: cwd });
  bodies?.set(file, { key, problems: body });
  result.problems.push(...body);
  return result;
}

const listFiles = (files: readonly string[]) =>
  files.length > 2 ? `${files.slice(0, 2).join(", ")} and ${files.length - 2} more` : files.join(", ");

/** Problems across files: two posts with one slug, series parts, and tags spelt two ways (warnings). */
export function crossFileProblems(checks: readonly PostFileCheck[], tagLabels: readonly string[] = site.tagLabels): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const bySlug = new Map<string, string[]>();
  for (const check of checks) {
    if (check.sourcePath.endsWith(".mdx")) bySlug.set(check.slug, [...(bySlug.get(check.slug) ?? []), check.file]);
  }
  for (const [slug, files] of bySlug) {
    if (files.length > 1) {
      const [file, ...others] = [...files].sort();
      problems.push({ file: file!, others, message: `duplicate slug "${slug}": two posts cannot share a URL; rename one file`, severity: "error" });
    }
  }
  for (const { files, message } of seriesIssues(checks.flatMap((check) => (check.claim ? [check.claim] : [])))) {
    problems.push({ file: files[0]!, others: files.slice(1), message, severity: "error" });
  }

  const pinned = new Map<string, string[]>();
  for (const label of tagLabels.map(normalizeTagName).filter(Boolean)) {
    pinned.set(tagSlug(label), [...new Set([...(pinned.get(tagSlug(label)) ?? []), label])]);
  }
  for (const [slug, labels] of pinned) {
    if (labels.length > 1) {
      problems.push({ file: "lib/site.ts", message: `tagLabels has ${labels.map((l) => `"${l}"`).join(" and ")} for one tag (${slug}): keep one`, severity: "error" });
    }
  }
  const pinnedLabels = [...pinnedTagLabels(tagLabels).values()];
  for (const choice of chooseTagLabels(checks.flatMap((check) => check.tags), pinnedLabels).values()) {
    if (choice.spellings.size < 2) continue;
    const why = choice.pinned
      ? "its label in tagLabels, lib/site.ts): write it that way here"
      : "the most used spelling): write it that way here, or set its label in tagLabels (lib/site.ts)";
    for (const [spelling, uses] of choice.spellings) {
      if (spelling === choice.label) continue;
      const elsewhere = [...choice.spellings]
        .filter(([other]) => other !== spelling)
        // The label's spelling first, then the most used.
        .sort(([a, usesA], [b, usesB]) => Number(b === choice.label) - Number(a === choice.label) || usesB.length - usesA.length)
        .map(([other, otherUses]) => `"${other}" in ${otherUses.length === 1 ? "" : `${otherUses.length} posts: `}${listFiles(otherUses.map((use) => use.file))}`)
        .join("; ");
      for (const use of uses) {
        problems.push({
          file: use.file,
          ...(use.line ? { line: use.line, column: use.column } : {}),
          message: `tag "${spelling}" is written ${elsewhere}; every page shows it as "${choice.label}" (${why}`,
          severity: "warning",
        });
      }
    }
  }
  return problems;
}

/** Every problem of a set of file checks, once each, in file and line order. */
export function allProblems(checks: readonly PostFileCheck[]): ContentProblem[] {
  return sortProblems(uniqueProblems([...checks.flatMap((check) => check.problems), ...crossFileProblems(checks)]));
}

/** Checks every file in `<contentDir>/posts`. */
export async function checkContentFiles(contentDir: string, cwd = process.cwd()): Promise<{ checks: PostFileCheck[]; problems: ContentProblem[] }> {
  const root = path.resolve(cwd, contentDir);
  const checks: PostFileCheck[] = [];
  for (const file of await listPostFiles(path.join(root, "posts"))) checks.push(await checkPostFile(file, { contentDir: root, cwd }));
  return { checks, problems: allProblems(checks) };
}

export async function checkContent(contentDir: string, cwd = process.cwd()): Promise<ContentCheck> {
  const { checks, problems } = await checkContentFiles(contentDir, cwd);
  return {
    files: checks.length,
    problems: errorsOf(problems).map(formatProblem),
    warnings: warningsOf(problems).map(formatProblem),
  };
}
