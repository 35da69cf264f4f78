import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { generatedPostFinder, readGeneratedPosts } from "@/lib/content/generated-posts";
import { getPosts } from "@/lib/content/posts";

describe("the posts the operator's scripts read from the generated JSON", () => {
  it("are the posts the site shows, in the same order, with the same titles and URLs", () => {
    const site = getPosts();
    expect(site.length).toBeGreaterThan(0);
    expect(readGeneratedPosts().map(({ slug, title, url }) => ({ slug, title, url }))).toEqual(
      site.map(({ slug, title, url }) => ({ slug, title, url })),
    );
  });

  it("find a published post by slug, and nothing for an unknown slug", () => {
    const find = generatedPostFinder();
    const [first] = getPosts();
    expect(find(first!.slug)?.title).toBe(first!.title);
    expect(find("no-such-post")).toBeUndefined();
  });

  it("say to run the content build when nothing was generated, and only when a post is looked up", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "no-content-"));
    try {
      const find = generatedPostFinder(empty);
      expect(() => find("any")).toThrow(/Run npm run content first/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
