import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { checkContent } from "@/lib/content/check";
import { parseFrontmatter } from "@/lib/content/schema";
import { seriesProblems } from "@/lib/content/series";

const post = (title: string, extra: string) =>
  `---\ntitle: ${title}\ndescription: Fine.\npublishDate: 2025-05-02\n${extra}---\n\nText.\n`;

const dirs: string[] = [];
function contentDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "series-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.join(dir, "posts"), { recursive: true });
    writeFileSync(path.join(dir, "posts", name), text);
  }
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("series frontmatter", () => {
  const base = { title: "T", description: "D", publishDate: "2025-05-02" };

  it("takes both fields or neither", () => {
    expect(parseFrontmatter("a.mdx", { ...base, series: "On call", seriesOrder: 2 }).ok).toBe(true);
    expect(parseFrontmatter("a.mdx", base).ok).toBe(true);
    expect(parseFrontmatter("a.mdx", { ...base, series: "On call" })).toMatchObject({
      ok: false,
      problems: ['a.mdx: "seriesOrder": required with "series": add seriesOrder: 1 for the first part'],
    });
    expect(parseFrontmatter("a.mdx", { ...base, seriesOrder: 1 })).toMatchObject({
      ok: false,
      problems: [`a.mdx: "series": required with "seriesOrder": add the series' name, or remove seriesOrder`],
    });
  });

  it("wants a whole number from 1", () => {
    for (const seriesOrder of [0, 1.5, "2"]) {
      const parsed = parseFrontmatter("a.mdx", { ...base, series: "S", seriesOrder });
      expect(parsed.ok).toBe(false);
    }
  });
});

describe("seriesProblems", () => {
  const claim = (file: string, order: number, draft = false, series = "Calm incidents") => ({
    file,
    series,
    order,
    draft,
  });

  it("accepts parts 1 to n in any file order, and series told apart by slug", () => {
    expect(seriesProblems([claim("b.mdx", 2), claim("a.mdx", 1), claim("c.mdx", 1, false, "Other")])).toEqual([]);
  });

  it("names both files that claim one part", () => {
    expect(seriesProblems([claim("a.mdx", 1), claim("b.mdx", 2), claim("c.mdx", 2, false, "calm Incidents")])).toEqual([
      `b.mdx, c.mdx: series "Calm incidents" has two posts as part 2; give each part its own seriesOrder`,
    ]);
  });

  it("names the files on both sides of a gap", () => {
    expect(seriesProblems([claim("a.mdx", 1), claim("d.mdx", 4)])).toEqual([
      `a.mdx, d.mdx: series "Calm incidents" jumps from part 1 to part 4: parts 2 to 3 are missing; number the parts 1, 2, 3… without gaps`,
    ]);
    expect(seriesProblems([claim("b.mdx", 2)])[0]).toMatch(
      /^b\.mdx: series "Calm incidents" starts at part 2: part 1 is missing/,
    );
  });

  it("leaves a draft out of the gap check (the next part may be a draft) but not out of duplicates", () => {
    expect(seriesProblems([claim("a.mdx", 1), claim("b.mdx", 2, true)])).toEqual([]);
    expect(seriesProblems([claim("a.mdx", 1), claim("c.mdx", 3), claim("b.mdx", 2, true)])).toHaveLength(1);
    expect(seriesProblems([claim("a.mdx", 1), claim("b.mdx", 1, true)])).toHaveLength(1);
  });
});

describe("the content check", () => {
  it("stops the build on a duplicate part, naming both files", async () => {
    const dir = contentDir({
      "one.mdx": post("One", 'series: "S"\nseriesOrder: 1\n'),
      "two.mdx": post("Two", 'series: "S"\nseriesOrder: 1\n'),
    });
    const { problems } = await checkContent(dir);
    const [one, two] = ["one.mdx", "two.mdx"].map((name) => path.join(dir, "posts", name));
    expect(problems).toEqual([
      `${one}, ${two}: series "S" has two posts as part 1; give each part its own seriesOrder`,
    ]);
  });
});
