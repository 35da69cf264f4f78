import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { decodeEntities, excerptParts } from "@/lib/search/excerpt";
import { searchIndexUrlPath } from "@/lib/search/paths";
import {
  builtSearchIndexVersion,
  SEARCH_INDEX_CACHE_CONTROL,
  searchIndexDir,
  searchIndexHeaders,
} from "@/lib/search/serve";
import { computeSearchIndexVersion } from "@/lib/search/version";

describe("excerptParts", () => {
  it("splits Pagefind's excerpt into marked and plain text, decoding its escapes", () => {
    expect(excerptParts("the <mark>rotation</mark> of &lt;script&gt; &amp; more")).toEqual([
      { text: "the ", marked: false },
      { text: "rotation", marked: true },
      { text: " of <script> & more", marked: false },
    ]);
  });

  it("keeps any other markup as literal text, never as an element", () => {
    const parts = excerptParts(`<img src=x onerror=alert(1)><mark>hit</mark>`);
    expect(parts).toEqual([
      { text: "<img src=x onerror=alert(1)>", marked: false },
      { text: "hit", marked: true },
    ]);
  });

  it("decodes numeric references and leaves unknown ones alone", () => {
    expect(decodeEntities("&#39;a&#x27; &bogus; &#0;")).toBe("'a' &bogus; &#0;");
  });
});

describe("where the index is written and served", () => {
  it("lives in the build's own static folder, under a versioned name served from /_next/static/", () => {
    expect(searchIndexDir("/srv/site/.next", "0123456789abcdef")).toBe(
      path.join("/srv/site/.next", "static", "pagefind", "0123456789abcdef"),
    );
    // Two builds of one checkout (the site and the e2e fixture) never write into each other's folder.
    expect(searchIndexDir(".next-fixture", "0123456789abcdef")).not.toBe(searchIndexDir(".next", "0123456789abcdef"));
    expect(searchIndexUrlPath("0123456789abcdef")).toBe("/_next/static/pagefind/0123456789abcdef");
  });

  it("caches every file of a versioned folder for good, through a header rule that matches only the index", () => {
    expect(SEARCH_INDEX_CACHE_CONTROL).toBe("public, max-age=31536000, immutable");
    expect(searchIndexHeaders.source).toBe("/_next/static/pagefind/:version/:file*");
    expect(searchIndexHeaders.headers).toEqual([{ key: "Cache-Control", value: SEARCH_INDEX_CACHE_CONTROL }]);
  });

  it("reads the version a finished build inlined from its required-server-files.json", async () => {
    const dist = await mkdtemp(path.join(tmpdir(), "search-dist-"));
    try {
      expect(() => builtSearchIndexVersion(dist)).toThrow(/run next build first/);
      await writeFile(
        path.join(dist, "required-server-files.json"),
        JSON.stringify({ config: { env: { SEARCH_INDEX_VERSION: "a1b2c3d4e5f60718" } } }),
      );
      expect(builtSearchIndexVersion(dist)).toBe("a1b2c3d4e5f60718");
      await writeFile(path.join(dist, "required-server-files.json"), JSON.stringify({ config: { env: {} } }));
      expect(() => builtSearchIndexVersion(dist)).toThrow(/records no search index version/);
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });
});

describe("computeSearchIndexVersion", () => {
  async function checkout() {
    const root = await mkdtemp(path.join(tmpdir(), "search-version-"));
    await mkdir(path.join(root, "content", "posts"), { recursive: true });
    await mkdir(path.join(root, "components"), { recursive: true });
    await writeFile(path.join(root, "content", "posts", "a.mdx"), "---\ntitle: A\n---\nBody");
    await writeFile(path.join(root, "components", "post.tsx"), "export const Post = 1;");
    await writeFile(path.join(root, "package-lock.json"), "{}");
    return root;
  }

  it("is the same for the same inputs, and changes with a post, the code, the dependencies or SITE_URL", async () => {
    const root = await checkout();
    try {
      const first = computeSearchIndexVersion(root, {});
      expect(first).toMatch(/^[a-f0-9]{16}$/);
      expect(computeSearchIndexVersion(root, {})).toBe(first);
      // Files the index does not depend on (tests, docs, the build output) leave it alone.
      await mkdir(path.join(root, "tests"));
      await writeFile(path.join(root, "tests", "x.test.ts"), "1");
      await mkdir(path.join(root, ".next"));
      await writeFile(path.join(root, ".next", "BUILD_ID"), "x");
      expect(computeSearchIndexVersion(root, {})).toBe(first);

      const seen = new Set([first]);
      const changed = async (change: () => Promise<void>, source: Record<string, string> = {}) => {
        await change();
        const version = computeSearchIndexVersion(root, source);
        expect(seen.has(version)).toBe(false);
        seen.add(version);
      };
      await changed(() => writeFile(path.join(root, "content", "posts", "a.mdx"), "---\ntitle: A\n---\nBody!"));
      await changed(() => writeFile(path.join(root, "components", "post.tsx"), "export const Post = 2;"));
      await changed(() => writeFile(path.join(root, "package-lock.json"), '{"pagefind":"1.6.1"}'));
      await changed(async () => {}, { SITE_URL: "https://steadystate.co.uk" });
      // The fixture build reads its posts from CONTENT_DIR: a different set of posts, a different version.
      await mkdir(path.join(root, "fixture", "posts"), { recursive: true });
      await writeFile(path.join(root, "fixture", "posts", "b.mdx"), "B");
      await changed(async () => {}, { CONTENT_DIR: "fixture" });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("buildSearchIndex", () => {
  it("refuses a draft before indexing anything", async () => {
    const { buildSearchIndex } = await import("@/lib/search/build-index");
    await expect(
      buildSearchIndex("/nonexistent-dist", [{ slug: "x", draft: true, sourceFile: "content/posts/x.mdx" }]),
    ).rejects.toThrow("Drafts are never indexed: content/posts/x.mdx");
  });
});
