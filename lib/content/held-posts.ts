import { nodeEnv } from "@/lib/env";
import { postPath } from "@/lib/routes";
import { site } from "@/lib/site";

// Written by the content check (lib/content/check-report.ts): imported, not read, so `next dev` reloads the pages
// when a save changes it.
import report from "../../.contentlayer/content-check.json";
import type { CheckReport, HeldPost } from "./check-report";
import { byNewest, type Post } from "./post-model";
import { readingTimeLabel } from "./reading";

/**
 * `npm run dev` keeps a post whose file has errors out of contentlayer (the last version that passed the check
 * stays), and the site shows the problems at the post's URL instead: named file, line and column, what to do,
 * then the last version that worked. Every other post keeps rendering. Production builds never hold a post (the
 * build stops on any error), so this does nothing outside development.
 */

export function heldPosts(): HeldPost[] {
  return (report as unknown as CheckReport).held ?? [];
}

/** `text` as an inline code span, whatever backticks it holds (MDX reads code spans literally). */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

const NOTICE_STYLE =
  "border:2px solid var(--danger);background:var(--danger-bg);border-radius:var(--radius);padding:0.25rem 1.25rem;margin:0 0 2rem";

function problemsNotice(held: HeldPost, hasLastGood: boolean): string {
  const count = held.problems.length;
  const what = hasLastGood ? "hold back this post's new version" : "keep this new post off the site";
  return [
    `<div role="alert" style="${NOTICE_STYLE}">`,
    "",
    `**${count === 1 ? "A problem" : `${count} problems`} in ${inlineCode(held.file)} ${what}:**`,
    "",
    ...held.problems.map((problem) => `- ${inlineCode(problem)}`),
    "",
    "</div>",
    "",
  ].join("\n");
}

/**
 * The page a held post shows in development: its problems, and nothing of the body (a short page renders at
 * once, so the author sees the problem within a second or two of the save). Every other field is the last good
 * version's, so lists and neighbours stay as they were.
 */
export function heldPost(held: HeldPost, lastGood: Post | undefined): Post {
  const count = held.problems.length;
  const fix = `Fix ${count === 1 ? "it" : "them"} and save: this page updates by itself.`;
  const notice = problemsNotice(held, Boolean(lastGood));
  const shown = {
    title: `${count} problem${count === 1 ? "" : "s"} in ${held.file}`,
    description: lastGood
      ? `${fix} Until then every other page shows the last version that worked, “${lastGood.title}”.`
      : `${fix}${held.title ? ` It is “${held.title}”, a new post.` : ""}`,
    body: notice,
    words: 0,
    readingMinutes: 1,
    readingTime: readingTimeLabel(1),
    headings: [],
  };
  if (lastGood) return { ...lastGood, ...shown };
  return {
    ...shown,
    slug: held.slug,
    url: postPath(held.slug),
    publishDate: new Date().toISOString().slice(0, 10),
    tags: [],
    draft: true,
    cta: site.defaultCta,
    hasCustomCta: false,
    featured: false,
    sourceFile: held.file,
  };
}

/** In development, each held post replaced by (or, when new, added as) the page that shows its problems. */
export function withHeldPosts(posts: readonly Post[], held: readonly HeldPost[] = heldPosts(), mode = nodeEnv()): Post[] {
  if (mode !== "development" || held.length === 0) return [...posts];
  const bySlug = new Map(held.map((entry) => [entry.slug, entry]));
  const shown = posts.map((post) => {
    const entry = bySlug.get(post.slug);
    return entry ? heldPost(entry, post) : post;
  });
  for (const entry of bySlug.values()) {
    if (!posts.some((post) => post.slug === entry.slug)) shown.push(heldPost(entry, undefined));
  }
  return shown.sort(byNewest);
}
