import { compile } from "@mdx-js/mdx";
import type { Root } from "mdast";
import matter from "gray-matter";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { bundledLanguages } from "shiki";
import { visit } from "unist-util-visit";

import { remarkPlugins } from "./mdx-pipeline";
import { parseFrontmatter, SLUG_PATTERN } from "./schema";
import { seriesProblems, type SeriesClaim } from "./series";

/**
 * Checks every post file before contentlayer runs, and reports every problem
 * at once, each naming the file (and line, when there is one) and what to fix.
 */

const PLAIN_LANGUAGES = new Set(["plaintext", "text", "txt", "plain", "ansi"]);

type ContentCheck = { files: number; problems: string[] };

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function codeLanguageCheck(file: string, lineOffset: number, problems: string[]) {
  return () => (tree: Root) => {
    visit(tree, "code", (node) => {
      const lang = node.lang?.toLowerCase();
      if (lang && !PLAIN_LANGUAGES.has(lang) && !(lang in bundledLanguages)) {
        const line = (node.position?.start.line ?? 1) + lineOffset;
        problems.push(`${file}:${line}: code block language "${node.lang}" is unknown to the highlighter (use e.g. ts, bash, yaml, json, or text)`);
      }
    });
  };
}

type MdxError = {
  line?: number;
  column?: number;
  place?: { line?: number; column?: number; start?: { line?: number; column?: number } };
  reason?: string;
  message: string;
};

/** `file:line:column: MDX syntax error: reason`, with the line counted from the top of the file. */
function describeMdxError(displayPath: string, lineOffset: number, error: unknown): string {
  const e = error as MdxError;
  let reason = e.reason ?? e.message;
  let line = e.line ?? e.place?.start?.line ?? e.place?.line;
  let column = e.column ?? e.place?.start?.column ?? e.place?.column;
  // Some parsers only give the position inside the reason, relative to the body: "(3:1-3:10)".
  const inReason = /\s*\((\d+):(\d+)-\d+:\d+\)$/.exec(reason);
  if (inReason) {
    line ??= Number(inReason[1]);
    column ??= Number(inReason[2]);
    reason = reason.slice(0, inReason.index);
  }
  const where = line ? `:${line + lineOffset}${column ? `:${column}` : ""}` : "";
  return `${displayPath}${where}: MDX syntax error: ${reason}`;
}

async function checkPostFile(
  absolutePath: string,
  displayPath: string,
  claims: SeriesClaim[],
): Promise<string[]> {
  const problems: string[] = [];
  const raw = await readFile(absolutePath, "utf8");

  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh options object disables gray-matter's cache, which would hide edits in watch mode.
    parsed = matter(raw, {});
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = mark?.line !== undefined ? `:${mark.line + 2}` : "";
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return [`${displayPath}${line}: frontmatter is not valid YAML: ${reason}`];
  }
  if (!/^---\r?\n/.test(raw)) {
    return [`${displayPath}:1: missing frontmatter: start the file with a --- block holding title, description and publishDate`];
  }

  const frontmatter = parseFrontmatter(displayPath, parsed.data);
  if (!frontmatter.ok) problems.push(...frontmatter.problems);
  else if (frontmatter.data.series && frontmatter.data.seriesOrder) {
    const { series, seriesOrder: order, draft } = frontmatter.data;
    claims.push({ file: displayPath, series, order, draft });
  }

  const lineOffset = raw.slice(0, raw.length - parsed.content.length).split("\n").length - 1;
  try {
    await compile(parsed.content, {
      remarkPlugins: [...remarkPlugins, codeLanguageCheck(displayPath, lineOffset, problems)],
    });
  } catch (error) {
    problems.push(describeMdxError(displayPath, lineOffset, error));
  }
  return problems;
}

export async function checkContent(contentDir: string, cwd = process.cwd()): Promise<ContentCheck> {
  const postsDir = path.resolve(cwd, contentDir, "posts");
  const display = (file: string) => {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith("..") ? relative : file;
  };
  let files: string[];
  try {
    files = await listFiles(postsDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { files: 0, problems: [] };
    throw error;
  }

  const problems: string[] = [];
  const slugs = new Map<string, string[]>();
  const claims: SeriesClaim[] = [];
  for (const file of files) {
    const shown = display(file);
    if (!file.endsWith(".mdx")) {
      problems.push(`${shown}: only .mdx files are posts; rename it to ${path.basename(file, path.extname(file))}.mdx or move it out of ${display(postsDir)}`);
      continue;
    }
    const slug = path.basename(file, ".mdx");
    if (!SLUG_PATTERN.test(slug)) {
      const suggestion = slug.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
      problems.push(`${shown}: file name "${slug}" is not a valid slug: use lowercase letters, digits and single hyphens${suggestion ? ` (e.g. ${suggestion}.mdx)` : ""}`);
    }
    slugs.set(slug, [...(slugs.get(slug) ?? []), shown]);
    problems.push(...(await checkPostFile(file, shown, claims)));
  }
  for (const [slug, paths] of slugs) {
    if (paths.length > 1) problems.push(`${paths.join(", ")}: duplicate slug "${slug}": two posts cannot share a URL; rename one file`);
  }
  problems.push(...seriesProblems(claims));
  return { files: files.length, problems };
}
