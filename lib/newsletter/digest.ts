import { byNewest, visiblePosts, type Post } from "@/lib/content/post-model";
import { absoluteUrl, site } from "@/lib/site";

import { renderDigestEmail, type DigestPost } from "./digest-email";
import type { Digest } from "./provider";

/**
 * The digest of posts published since a day: the same posts the feeds carry
 * (the script passes getPosts()), oldest first, each linked with
 * utm_source=newsletter. A draft never reaches an inbox, even from `next dev`.
 */

export type DigestSource = Pick<Post, "slug" | "url" | "title" | "description" | "publishDate" | "draft">;

export function parseSince(value: string | undefined): string {
  if (
    !value ||
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new Error(
      `--since must be a date like 2025-11-01 (got ${value === undefined ? "nothing" : JSON.stringify(value)})`,
    );
  }
  return value;
}

export function newsletterLink(url: string, campaign: string): string {
  const link = new URL(absoluteUrl(url));
  link.searchParams.set("utm_source", "newsletter");
  link.searchParams.set("utm_medium", "email");
  link.searchParams.set("utm_campaign", campaign);
  return link.toString();
}

export function digestPosts(posts: readonly DigestSource[], since: string): DigestPost[] {
  const campaign = `digest-${since}`;
  return visiblePosts(posts, false)
    .filter((post) => post.publishDate >= since)
    .sort((a, b) => byNewest(b, a))
    .map((post) => ({
      title: post.title,
      description: post.description,
      url: newsletterLink(post.url, campaign),
      publishDate: post.publishDate,
    }));
}

/** The digest email, or null when nothing was published since that day. */
export async function buildDigest(posts: readonly DigestSource[], since: string): Promise<Digest | null> {
  const selected = digestPosts(posts, since);
  if (selected.length === 0) return null;
  const rendered = await renderDigestEmail(selected, since);
  const subject =
    selected.length === 1 ? `${site.name}: ${selected[0]!.title}` : `${site.name}: ${selected.length} new essays`;
  return {
    name: `newsletter-digest-${since}`,
    subject: subject.replace(/[\u0000-\u001f\u007f]+/g, " ").slice(0, 150),
    previewText: selected
      .map((post) => post.title)
      .join(" · ")
      .slice(0, 140),
    ...rendered,
  };
}
