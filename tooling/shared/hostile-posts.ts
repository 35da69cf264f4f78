/**
 * Two posts that must never hurt the site: a draft whose text must be in no
 * served byte, and a published post whose title is hostile markup. Written
 * into the drill's throwaway content and into the e2e fixture
 * (tooling/fixture/build-fixture.ts), so CI scans them on every run.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

export const DRAFT_SLUG = "drill-draft-q7v3k-unpublished";
export const DRAFT_TAG = "Drill Draft Only q7v3k";
export const DRAFT_TAG_SLUG = "drill-draft-only-q7v3k";
/** Strings only the draft holds: its title, description, body and tag. */
export const DRAFT_MARKERS = [
  DRAFT_SLUG,
  "Unpublished q7v3k",
  "q7v3k-secret-sentence",
  "q7v3k-description",
  DRAFT_TAG,
  DRAFT_TAG_SLUG,
];

export const HOSTILE_SLUG = "hostile-title-in-every-template";
/** Breaks out of a <script> (HTML, JSON-LD, inline RSC data), of attributes and of an XML CDATA section if any template lets it. */
export const HOSTILE_TITLE = `When </script><script>alert("drill")</script> & "quotes" & 'apostrophes' ]]> meet your templates`;
/** The payload as it would appear if any template let it through unescaped. */
export const HOSTILE_RAW = `<script>alert("drill")</script>`;

export function writeDrillPosts(postsDir: string, { publishDate = "2024-02-14" } = {}): void {
  writeFileSync(
    path.join(postsDir, `${DRAFT_SLUG}.mdx`),
    [
      "---",
      `title: "Unpublished q7v3k: the reorganisation nobody has been told about"`,
      `description: "q7v3k-description: names, dates and numbers that must stay private until this post is published."`,
      `publishDate: ${publishDate}`,
      `tags: [${JSON.stringify(DRAFT_TAG)}, "Engineering Leadership"]`,
      "draft: true",
      "---",
      "",
      "This is the q7v3k-secret-sentence: the platform team is being merged into payments in March.",
      "",
      "## What changes",
      "",
      "Nothing in this draft may reach a page, a feed, the sitemap, a share image or any file under `_next`.",
      "",
    ].join("\n"),
  );
  writeFileSync(
    path.join(postsDir, `${HOSTILE_SLUG}.mdx`),
    [
      "---",
      `title: ${JSON.stringify(HOSTILE_TITLE)}`,
      `description: ${JSON.stringify(`A title holding </script>, "quotes", 'apostrophes' & ampersands must be escaped in every page, feed and card.`)}`,
      `publishDate: ${publishDate}`,
      `tags: ["Engineering Leadership", "Culture"]`,
      "---",
      "",
      "Titles are data. Every template that prints one must escape it for where it lands: HTML text, attributes, JSON-LD, RSS, Atom, JSON Feed and the share image.",
      "",
      "## Why it matters",
      "",
      "A title is typed by a person and read by many programs; each of them has its own idea of which characters are special.",
      "",
    ].join("\n"),
  );
}
