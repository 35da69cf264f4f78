import { describe, expect, it } from "vitest";

import type { HeldPost } from "@/lib/content/check-report";
import { heldPost, inlineCode, withHeldPosts } from "@/lib/content/held-posts";
import type { Post } from "@/lib/content/post-model";
import { renderPostBody } from "@/lib/content/render-post";

const lastGood: Post = {
  slug: "on-call",
  url: "/blog/on-call",
  title: "On-call",
  description: "A post.",
  publishDate: "2025-05-02",
  tags: [{ name: "On-call", slug: "on-call" }],
  draft: false,
  cta: "Let’s talk.",
  hasCustomCta: false,
  featured: false,
  body: "## Why\n\nText.",
  words: 2,
  readingMinutes: 1,
  readingTime: "1 min read",
  headings: [{ depth: 2, text: "Why", id: "why" }],
  sourceFile: "content/posts/on-call.mdx",
};

// A problem whose text holds everything MDX reads as syntax: tags, braces, backticks.
const problem =
  'content/posts/on-call.mdx:17:1: MDX syntax error: Expected a closing tag for `<aside>`: close it with `</aside>` {x} (or write `\\<` for a literal "<")';
const held: HeldPost = {
  sourcePath: "posts/on-call.mdx",
  slug: "on-call",
  file: "content/posts/on-call.mdx",
  title: "On-call",
  problems: [problem],
};

describe("a post held back by the content check in npm run dev", () => {
  it("shows its problems, word for word, at its URL, naming the file", async () => {
    const [shown] = withHeldPosts([lastGood], [held], "development");
    expect(shown).toMatchObject({
      slug: "on-call",
      url: "/blog/on-call",
      title: "1 problem in content/posts/on-call.mdx",
      tags: lastGood.tags,
    });
    expect(shown!.headings).toEqual([]);
    const html = await renderPostBody(shown!.body);
    expect(html).toContain('role="alert"');
    // The problem reaches the page as text, exactly as the terminal prints it.
    const text = html
      .replace(/<[^>]+>/g, "")
      .replace(/&#x3C;/g, "<")
      .replace(/&quot;/g, '"');
    expect(text).toContain(problem);
  });

  it("adds a new post that never passed the check, as a draft dated today", () => {
    const shown = withHeldPosts(
      [lastGood],
      [{ ...held, slug: "new", sourcePath: "posts/new.mdx", file: "content/posts/new.mdx", title: "New" }],
      "development",
    );
    expect(shown.map((post) => post.slug).sort()).toEqual(["new", "on-call"]);
    const added = shown.find((post) => post.slug === "new")!;
    expect(added).toMatchObject({ draft: true, url: "/blog/new", publishDate: new Date().toISOString().slice(0, 10) });
    expect(added.description).toContain("“New”");
  });

  it("changes nothing outside development", () => {
    expect(withHeldPosts([lastGood], [held], "production")).toEqual([lastGood]);
    expect(withHeldPosts([lastGood], [held], "test")).toEqual([lastGood]);
  });

  it("keeps the last good version's place in lists", () => {
    expect(heldPost(held, lastGood)).toMatchObject({ publishDate: lastGood.publishDate, featured: false });
  });

  it("writes any text as one code span", () => {
    expect(inlineCode("a `b` c")).toBe("``a `b` c``");
    expect(inlineCode("`x`")).toBe("`` `x` ``");
    expect(inlineCode("plain")).toBe("`plain`");
  });
});
