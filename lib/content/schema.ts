import { z } from "zod";

/**
 * The frontmatter of a post, as authors write it. Used twice: on the raw YAML
 * before contentlayer runs (scripts/build-content.ts) and on contentlayer's
 * output when the site loads it (lib/content/posts.ts), so both agree.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.000)?Z)?$/;
const DATE_HINT = "expected a date like 2025-05-02";

/** Accepts a YAML date (parsed to Date), `2025-05-02`, or contentlayer's midnight-UTC ISO string; yields `YYYY-MM-DD`. */
const PostDate = (field: string) => z
  .union([z.date(), z.string()], {
    error: (issue) => (issue.input === undefined ? `required: add a ${field} like 2025-05-02` : DATE_HINT),
  })
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: "custom", message: DATE_HINT });
        return z.NEVER;
      }
      return value.toISOString().slice(0, 10);
    }
    const match = ISO_DAY.exec(value.trim());
    if (!match) {
      ctx.addIssue({ code: "custom", message: `${DATE_HINT}, got "${value}"` });
      return z.NEVER;
    }
    const [, y, m, d] = match;
    const day = `${y}-${m}-${d}`;
    // Round-trip to reject 2025-02-30 and friends.
    if (new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
      ctx.addIssue({ code: "custom", message: `${DATE_HINT}, got "${value}" (no such day)` });
      return z.NEVER;
    }
    return day;
  });

const NonEmptyText = (field: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `required: add a ${field}` : `expected text`) })
    .trim()
    .min(1, `must not be empty`)
    .max(max, `too long: at most ${max} characters`);

const FRONTMATTER_KEYS = [
  "title",
  "description",
  "publishDate",
  "updatedDate",
  "tags",
  "draft",
  "cta",
  "series",
  "seriesOrder",
  "featured",
] as const;

export const FrontmatterSchema = z
  .strictObject({
    title: NonEmptyText("title", 160),
    description: NonEmptyText("description", 320),
    publishDate: PostDate("publishDate"),
    updatedDate: PostDate("updatedDate").optional(),
    tags: z
      .array(NonEmptyText("tag", 40), { error: 'expected a list of tags like ["On-call", "Culture"]' })
      .default([]),
    draft: z.boolean({ error: "expected true or false" }).default(false),
    cta: NonEmptyText("cta", 200).optional(),
    /** The series' name, shown as written; posts with one name (any spelling of its slug) form one series. */
    series: NonEmptyText("series", 120).optional(),
    /** This post's part in its series: 1, 2, 3… without gaps. */
    seriesOrder: z
      .number({ error: "expected a whole number from 1, like 2" })
      .int("expected a whole number from 1, like 2")
      .min(1, "expected a whole number from 1, like 2")
      .max(999, "too large: at most 999")
      .optional(),
    featured: z.boolean({ error: "expected true or false" }).default(false),
  })
  .superRefine((fm, ctx) => {
    if (fm.series !== undefined && fm.seriesOrder === undefined) {
      ctx.addIssue({ code: "custom", path: ["seriesOrder"], message: `required with "series": add seriesOrder: 1 for the first part` });
    }
    if (fm.seriesOrder !== undefined && fm.series === undefined) {
      ctx.addIssue({ code: "custom", path: ["series"], message: `required with "seriesOrder": add the series' name, or remove seriesOrder` });
    }
    if (fm.updatedDate && fm.updatedDate < fm.publishDate) {
      ctx.addIssue({
        code: "custom",
        path: ["updatedDate"],
        message: `must not be before publishDate (${fm.publishDate})`,
      });
    }
  });

export type Frontmatter = z.output<typeof FrontmatterSchema>;

/** One frontmatter problem: the field it is about (`[]` for the whole block, `["tags", 1]` for one tag) and what to do. */
export type FrontmatterIssue = { path: PropertyKey[]; message: string };

/**
 * The problems of a frontmatter, one per mistake: a misspelt required field (`publishedDate`) is one problem
 * ("did you mean publishDate?"), not that plus "publishDate is required".
 */
function frontmatterIssues(data: Record<string, unknown>, error: z.ZodError): FrontmatterIssue[] {
  // A required field reported missing, and an unknown key that looks like it: one mistake.
  const missing = new Set(
    error.issues.flatMap((issue) =>
      issue.path.length === 1 && typeof issue.path[0] === "string" && data[issue.path[0]] === undefined ? [issue.path[0]] : [],
    ),
  );
  const renamed = new Map<string, string>();
  for (const issue of error.issues) {
    if (issue.code !== "unrecognized_keys") continue;
    for (const key of issue.keys) {
      const hint = closestKey(key);
      if (hint && missing.has(hint) && !renamed.has(hint)) renamed.set(hint, key);
    }
  }
  return error.issues.flatMap((issue): FrontmatterIssue[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const hint = closestKey(key);
        if (hint && renamed.get(hint) === key) {
          return { path: [key], message: `unknown field (did you mean "${hint}"?): rename it to ${hint}, which is required` };
        }
        return {
          path: [key],
          message: `unknown field${hint ? ` (did you mean "${hint}"?)` : ""}; allowed fields are ${FRONTMATTER_KEYS.join(", ")}`,
        };
      });
    }
    const [first] = issue.path;
    if (issue.path.length === 1 && typeof first === "string" && renamed.has(first) && data[first] === undefined) return [];
    return [{ path: issue.path, message: issue.message }];
  });
}

type ParsedFrontmatter =
  | { ok: true; data: Frontmatter }
  | { ok: false; problems: string[]; issues: FrontmatterIssue[] };

/** `content/posts/x.mdx: "publishDate": expected a date like 2025-05-02` (the content check adds the line). */
export function describeFrontmatterIssue(file: string, issue: FrontmatterIssue): string {
  return `${file}: "${issue.path.length ? formatPath(issue.path) : "frontmatter"}": ${issue.message}`;
}

export function parseFrontmatter(file: string, data: unknown): ParsedFrontmatter {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const issues = [{ path: [], message: "expected a YAML block between --- lines at the top of the file" }];
    return { ok: false, issues, problems: issues.map((issue) => describeFrontmatterIssue(file, issue)) };
  }
  const result = FrontmatterSchema.safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  const issues = frontmatterIssues(data as Record<string, unknown>, result.error);
  return { ok: false, issues, problems: issues.map((issue) => describeFrontmatterIssue(file, issue)) };
}

export function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    "",
  );
}

function closestKey(key: string): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of FRONTMATTER_KEYS) {
    const distance = levenshtein(key.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.key.length / 3)) ? best.key : undefined;
}

export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** A slug is the file name: lowercase words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
