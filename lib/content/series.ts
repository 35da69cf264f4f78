import { seriesPath } from "@/lib/routes";

import type { Post } from "./post-model";
import { tagSlug } from "./tags";

/**
 * Series: posts that share a `series` name, read in `seriesOrder`. The rules (one post per part, parts
 * numbered 1 to n without gaps) are checked by the content check across files (`seriesProblems`), so the
 * pages can trust them.
 */

export type Series = { name: string; slug: string; url: string; parts: Post[] };

/** One file's claim to a part, as the content check sees it. */
export type SeriesClaim = { file: string; series: string; order: number; draft: boolean };

/**
 * Problems across files, one a line naming the files: two posts claiming one part, or a part missing
 * between the first and the last. Drafts are left out (production builds leave them out too), so the next
 * part can be written as a draft; a draft still may not take a part a published post holds.
 */
export function seriesProblems(claims: readonly SeriesClaim[]): string[] {
  return seriesIssues(claims).map(({ files, message }) => `${files.join(", ")}: ${message}`);
}

/** The same problems, each with the files it names (the content check attributes them to those posts). */
export function seriesIssues(claims: readonly SeriesClaim[]): { files: string[]; message: string }[] {
  const bySlug = new Map<string, SeriesClaim[]>();
  for (const claim of claims) {
    const slug = tagSlug(claim.series);
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), claim]);
  }
  const problems: { files: string[]; message: string }[] = [];
  for (const group of bySlug.values()) {
    const name = group[0]!.series;
    const byOrder = new Map<number, SeriesClaim[]>();
    for (const claim of group) byOrder.set(claim.order, [...(byOrder.get(claim.order) ?? []), claim]);
    for (const [order, same] of [...byOrder].sort(([a], [b]) => a - b)) {
      if (same.length > 1) {
        problems.push({
          files: same.map((claim) => claim.file),
          message: `series "${name}" has two posts as part ${order}; give each part its own seriesOrder`,
        });
      }
    }
    const published = [...new Set(group.filter((claim) => !claim.draft).map((claim) => claim.order))].sort(
      (a, b) => a - b,
    );
    let expected = 1;
    for (const order of published) {
      if (order !== expected) {
        const before = group.find((claim) => !claim.draft && claim.order === expected - 1);
        const after = group.find((claim) => !claim.draft && claim.order === order)!;
        const files = before ? [before.file, after.file] : [after.file];
        const missing = order - expected === 1 ? `part ${expected} is` : `parts ${expected} to ${order - 1} are`;
        const jump = expected === 1 ? `starts at part ${order}` : `jumps from part ${expected - 1} to part ${order}`;
        problems.push({
          files,
          message: `series "${name}" ${jump}: ${missing} missing; number the parts 1, 2, 3… without gaps`,
        });
      }
      expected = order + 1;
    }
  }
  return problems;
}

/** Every series among the posts (drafts already left out by the caller), parts in order, series by name. */
export function collectSeries(posts: readonly Post[]): Series[] {
  const bySlug = new Map<string, Series>();
  for (const post of posts) {
    if (!post.series) continue;
    const series = bySlug.get(post.series.slug) ?? {
      name: post.series.name,
      slug: post.series.slug,
      url: seriesPath(post.series.slug),
      parts: [],
    };
    series.parts.push(post);
    bySlug.set(post.series.slug, series);
  }
  for (const series of bySlug.values()) series.parts.sort((a, b) => a.series!.order - b.series!.order);
  return [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export type SeriesPosition = { series: Series; part: number; total: number; previous?: Post; next?: Post };

/** Where a post stands in its series, or undefined when it is in none. */
export function seriesPosition(post: Post, posts: readonly Post[]): SeriesPosition | undefined {
  if (!post.series) return undefined;
  const series = collectSeries(posts).find((candidate) => candidate.slug === post.series!.slug);
  if (!series) return undefined;
  const index = series.parts.findIndex((part) => part.slug === post.slug);
  return {
    series,
    part: index + 1,
    total: series.parts.length,
    ...(index > 0 ? { previous: series.parts[index - 1] } : {}),
    ...(index < series.parts.length - 1 ? { next: series.parts[index + 1] } : {}),
  };
}
