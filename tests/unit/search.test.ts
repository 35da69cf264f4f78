import path from "node:path";
import { describe, expect, it } from "vitest";

import { decodeEntities, excerptParts } from "@/lib/search/excerpt";
import { indexFileCaching, indexFilePath, indexFileType } from "@/lib/search/serve";

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

describe("indexFilePath", () => {
  const root = path.resolve("/srv/site/.next/pagefind");

  it("serves Pagefind's files inside the index folder", () => {
    expect(indexFilePath(root, ["pagefind.js"])).toBe(path.join(root, "pagefind.js"));
    expect(indexFilePath(root, ["fragment", "en_3f2a1b.pf_fragment"])).toBe(
      path.join(root, "fragment", "en_3f2a1b.pf_fragment"),
    );
  });

  it.each([[[".."]], [["..", "BUILD_ID"]], [["a/../../x"]], [[".hidden"]], [[]], [["a", "b", "c", "d"]], [["x..y"]]])(
    "refuses %j",
    (segments) => {
      expect(indexFilePath(root, segments)).toBeNull();
    },
  );

  it("types and caches by what the file is", () => {
    expect(indexFileType("pagefind.js")).toMatch(/^text\/javascript/);
    expect(indexFileType("wasm.en.pagefind")).toBe("application/octet-stream");
    expect(indexFileCaching("fragment/en_1.pf_fragment")).toContain("immutable");
    expect(indexFileCaching("pagefind-entry.json")).toContain("must-revalidate");
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
