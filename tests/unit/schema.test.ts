import { describe, expect, it } from "vitest";

import { parseFrontmatter } from "@/lib/content/schema";

const FILE = "content/posts/x.mdx";
const valid = {
  title: "Designing an on-call rotation",
  description: "How to size a rotation.",
  publishDate: new Date("2025-05-02T00:00:00Z"),
  tags: ["On-call", "Engineering Leadership"],
};

function problems(data: unknown): string[] {
  const result = parseFrontmatter(FILE, data);
  if (result.ok) throw new Error("expected the frontmatter to be rejected");
  return result.problems;
}

describe("FrontmatterSchema", () => {
  it("accepts a valid post and applies defaults", () => {
    const result = parseFrontmatter(FILE, valid);
    expect(result).toEqual({
      ok: true,
      data: { ...valid, publishDate: "2025-05-02", draft: false, featured: false },
    });
  });

  it("accepts every optional field, dates as YAML dates or strings", () => {
    const result = parseFrontmatter(FILE, {
      ...valid,
      publishDate: "2025-05-02",
      updatedDate: new Date("2025-06-10T00:00:00Z"),
      draft: true,
      cta: "Struggling with on-call? Let's talk.",
    });
    expect(result.ok && result.data).toMatchObject({
      updatedDate: "2025-06-10",
      draft: true,
      cta: "Struggling with on-call? Let's talk.",
    });
  });

  it("names the file and field of a missing required value", () => {
    expect(problems({ description: "d", publishDate: "2025-05-02" })).toEqual([
      `${FILE}: "title": required: add a title`,
    ]);
    expect(problems({ title: "t", publishDate: "2025-05-02" })).toEqual([
      `${FILE}: "description": required: add a description`,
    ]);
    expect(problems({ title: "t", description: "d" })).toEqual([
      `${FILE}: "publishDate": required: add a publishDate like 2025-05-02`,
    ]);
  });

  it("rejects a malformed or impossible date with the expected format", () => {
    expect(problems({ ...valid, publishDate: "May 2nd" })).toEqual([
      `${FILE}: "publishDate": expected a date like 2025-05-02, got "May 2nd"`,
    ]);
    expect(problems({ ...valid, publishDate: "2025-02-30" })[0]).toMatch(
      /"publishDate": expected a date like 2025-05-02, got "2025-02-30" \(no such day\)/,
    );
    expect(problems({ ...valid, publishDate: 20250502 })).toEqual([
      `${FILE}: "publishDate": expected a date like 2025-05-02`,
    ]);
  });

  it("rejects an update before publication", () => {
    expect(problems({ ...valid, updatedDate: "2025-01-01" })).toEqual([
      `${FILE}: "updatedDate": must not be before publishDate (2025-05-02)`,
    ]);
  });

  it("rejects wrong types with one message per problem", () => {
    const found = problems({ ...valid, title: 42, tags: "On-call", draft: "yes" });
    expect(found).toEqual([
      `${FILE}: "title": expected text`,
      `${FILE}: "tags": expected a list of tags like ["On-call", "Culture"]`,
      `${FILE}: "draft": expected true or false`,
    ]);
  });

  it("rejects empty text and empty tags", () => {
    expect(problems({ ...valid, title: "   " })).toEqual([`${FILE}: "title": must not be empty`]);
    expect(problems({ ...valid, tags: ["On-call", ""] })).toEqual([`${FILE}: "tags[1]": must not be empty`]);
  });

  it("treats an unknown key as an error and suggests the intended field", () => {
    const { publishDate, ...rest } = valid;
    // One mistake, one message: the misspelt key names the field it should be (required, so not also "missing").
    expect(problems({ ...rest, publishedDate: publishDate })).toEqual([
      `${FILE}: "publishedDate": unknown field (did you mean "publishDate"?): rename it to publishDate, which is required`,
    ]);
    expect(problems({ ...valid, publishDate: "2025-05-02", dratf: true })).toEqual([
      `${FILE}: "dratf": unknown field (did you mean "draft"?); allowed fields are title, description, publishDate, updatedDate, tags, draft, cta, series, seriesOrder, featured`,
    ]);
  });

  it("rejects frontmatter that is not a mapping", () => {
    expect(problems(["a", "b"])[0]).toMatch(/^content\/posts\/x\.mdx: "frontmatter": expected a YAML block/);
  });
});
