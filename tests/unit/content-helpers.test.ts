import { describe, expect, it } from "vitest";

import { paginate, pageCount, parsePageParam } from "@/lib/content/pagination";
import { byNewest, draftsAreVisible, visiblePosts } from "@/lib/content/posts";
import { countWords, readingMinutes, readingTimeLabel } from "@/lib/content/reading";
import { adjacentPosts, relatedPosts } from "@/lib/content/related";
import { collectTags, tagSlug, toTags } from "@/lib/content/tags";

describe("tags", () => {
  it("slugs tags stably", () => {
    expect(tagSlug("Engineering Leadership")).toBe("engineering-leadership");
    expect(tagSlug("  engineering   leadership ")).toBe("engineering-leadership");
    expect(tagSlug("On-call")).toBe("on-call");
    expect(tagSlug("C++ & Rust")).toBe("c-plus-plus-and-rust");
    expect(tagSlug("Café Culture")).toBe("cafe-culture");
    expect(tagSlug("1:1s")).toBe("1-1s");
    expect(tagSlug("Führung")).toBe("fuhrung");
    expect(tagSlug("リーダーシップ")).toBe("リーダーシップ");
  });

  it("treats two spellings of one tag as one tag, shown with the most used spelling", () => {
    const posts = [
      { tags: toTags(["Engineering Leadership", "On-call"]) },
      { tags: toTags(["engineering leadership"]) },
      { tags: toTags(["Engineering Leadership", "engineering  leadership"]) },
    ];
    expect(posts[2]!.tags).toEqual([{ name: "Engineering Leadership", slug: "engineering-leadership" }]);
    expect(collectTags(posts)).toEqual([
      { slug: "engineering-leadership", name: "Engineering Leadership", count: 3 },
      { slug: "on-call", name: "On-call", count: 1 },
    ]);
  });
});

describe("reading time", () => {
  it("counts words of prose, ignoring markup and URLs", () => {
    expect(countWords("## A heading\n\n**Bold** and _italic_ [a link](https://example.com/x) here.")).toBe(8);
    expect(countWords("")).toBe(0);
    expect(countWords("don't stop—now")).toBe(3);
  });

  it("rounds up at 230 words a minute, never below one minute", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(231)).toBe(2);
    expect(readingMinutes(1840)).toBe(8);
    expect(readingTimeLabel(8)).toBe("8 min read");
  });
});

describe("drafts", () => {
  const posts = [
    { slug: "a", draft: false },
    { slug: "b", draft: true },
  ];

  it("are shown only by next dev", () => {
    expect(draftsAreVisible("development")).toBe(true);
    expect(draftsAreVisible("production")).toBe(false);
    expect(draftsAreVisible("test")).toBe(false);
    expect(draftsAreVisible(undefined)).toBe(false);
  });

  it("are filtered out unless included", () => {
    expect(visiblePosts(posts, false).map((p) => p.slug)).toEqual(["a"]);
    expect(visiblePosts(posts, true).map((p) => p.slug)).toEqual(["a", "b"]);
  });
});

describe("pagination", () => {
  const items = Array.from({ length: 45 }, (_, i) => i + 1);

  it("splits into pages of a fixed size", () => {
    expect(pageCount(45, 20)).toBe(3);
    expect(pageCount(0, 20)).toBe(1);
    expect(paginate(items, 1, 20)).toMatchObject({ page: 1, totalPages: 3, prevPage: null, nextPage: 2 });
    expect(paginate(items, 1, 20)!.items).toHaveLength(20);
    const last = paginate(items, 3, 20)!;
    expect(last.items).toEqual([41, 42, 43, 44, 45]);
    expect(last).toMatchObject({ prevPage: 2, nextPage: null, totalItems: 45 });
  });

  it("has no page outside the range", () => {
    expect(paginate(items, 4, 20)).toBeNull();
    expect(paginate(items, 0, 20)).toBeNull();
    expect(paginate(items, 1.5, 20)).toBeNull();
    expect(paginate([], 1, 20)).toMatchObject({ items: [], totalPages: 1 });
  });

  it("parses only canonical page numbers", () => {
    expect(parsePageParam("2")).toBe(2);
    expect(parsePageParam("02")).toBeNull();
    expect(parsePageParam("0")).toBeNull();
    expect(parsePageParam("2.0")).toBeNull();
    expect(parsePageParam("x")).toBeNull();
  });
});

describe("related and adjacent posts", () => {
  const post = (slug: string, publishDate: string, tags: string[]) => ({
    slug,
    publishDate,
    title: slug,
    tags: toTags(tags),
  });
  const a = post("a", "2025-01-01", ["On-call", "Incidents", "Culture"]);
  const b = post("b", "2025-02-01", ["On-call", "Incidents"]);
  const c = post("c", "2025-03-01", ["Culture"]);
  const d = post("d", "2025-04-01", ["Strategy"]);
  const e = post("e", "2025-05-01", ["incidents"]);
  const all = [a, b, c, d, e];

  it("ranks by shared tags, then by recency, and excludes the post itself and unrelated posts", () => {
    expect(relatedPosts(a, all).map((p) => p.slug)).toEqual(["b", "e", "c"]);
    expect(relatedPosts(a, all, 1).map((p) => p.slug)).toEqual(["b"]);
    expect(relatedPosts(d, all)).toEqual([]);
  });

  it("finds the newer and older neighbours in a newest-first list", () => {
    const newestFirst = [...all].sort(byNewest);
    expect(adjacentPosts(c, newestFirst)).toEqual({ newer: d, older: b });
    expect(adjacentPosts(e, newestFirst)).toEqual({ newer: null, older: d });
    expect(adjacentPosts(a, newestFirst)).toEqual({ newer: b, older: null });
  });
});
