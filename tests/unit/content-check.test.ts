import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { checkContent } from "@/lib/content/check";

const good = (title = "A good post") =>
  `---\ntitle: ${title}\ndescription: Fine.\npublishDate: 2025-05-02\ntags: ["On-call"]\n---\n\n## Hello\n\nText.\n`;

const dirs: string[] = [];
function contentDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "content-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, "posts", name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** The problems of one post, with the folder left out of the file names. */
async function problemsOf(text: string, name = "post.mdx"): Promise<string[]> {
  const dir = contentDir({ [name]: text });
  return (await checkContent(dir)).problems.map((problem) => problem.replaceAll(`${dir}${path.sep}`, ""));
}

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("checkContent", () => {
  it("passes valid posts", async () => {
    const dir = contentDir({ "a-post.mdx": good(), "another-post.mdx": good("Another") });
    expect(await checkContent(dir)).toEqual({ files: 2, problems: [], warnings: [] });
  });

  it("reports a misspelt required field once, at its line, with the field it should be", async () => {
    const text = good().replace("publishDate: 2025-05-02", "publishedDate: 2025-05-02");
    expect(await problemsOf(text)).toEqual([
      `posts/post.mdx:4:1: "publishedDate": unknown field (did you mean "publishDate"?): rename it to publishDate, which is required`,
    ]);
  });

  it("refuses dates that are not YYYY-MM-DD at the value's line and column", async () => {
    for (const date of ["May 2", "20 November 2025", "02/05/2025", "2025-5-2"]) {
      expect(await problemsOf(good().replace("2025-05-02", date))).toEqual([
        `posts/post.mdx:4:14: "publishDate": expected a date like 2025-05-02, got "${date}"`,
      ]);
    }
  });

  it("names the line of a missing field, of one bad tag and of YAML errors", async () => {
    expect(await problemsOf(good().replace("description: Fine.\n", ""))).toEqual([
      `posts/post.mdx:5:1: "description": required: add a description`,
    ]);
    expect(await problemsOf(good().replace('tags: ["On-call"]', 'tags:\n  - On-call\n  - ""'))).toEqual([
      `posts/post.mdx:7:5: "tags[1]": must not be empty`,
    ]);
    expect((await problemsOf("---\ntitle: [unclosed\n---\n"))[0]).toMatch(
      /^posts\/post\.mdx:3:1: frontmatter is not valid YAML: /,
    );
  });

  it("reports MDX syntax errors once, at their line in the file (frontmatter counted), with what to do", async () => {
    const aside = `${good()}\nOne.\n\n<aside>\n\nTwo.\n`;
    expect(await problemsOf(aside)).toEqual([
      `posts/post.mdx:${lineOf(aside, "<aside>")}:1: MDX syntax error: Expected a closing tag for \`<aside>\`: close it with \`</aside>\` (or write \`\\<\` for a literal "<")`,
    ]);
    const bare = `${good()}\nFewer than <5 pages a week.\n`;
    const [problem] = await problemsOf(bare);
    expect(problem).toMatch(
      new RegExp(`^posts/post\\.mdx:${lineOf(bare, "<5")}:13: MDX syntax error: Unexpected character \`5\``),
    );
    expect(problem).toContain('write `\\<` (or put it in `code`) for a literal "<"');
    const mismatch = `${good()}\n<div>\n\ntext\n\n</span>\n`;
    expect(await problemsOf(mismatch)).toEqual([
      `posts/post.mdx:${lineOf(mismatch, "</span>")}:1: MDX syntax error: Unexpected closing tag \`</span>\`, expected corresponding closing tag for \`<div>\` (opened on line ${lineOf(mismatch, "<div>")}): close tags in the reverse order of opening them`,
    ]);
  });

  it("refuses what posts would silently drop: components, expressions and imports", async () => {
    const text = `${good()}\n<Callout>hi</Callout>\n\nUse {braces} here {/* a comment is fine */}.\n\nexport const x = 1\n`;
    expect(await problemsOf(text)).toEqual([
      `posts/post.mdx:${lineOf(text, "<Callout>")}:1: \`<Callout>\` is a component, and posts have no MDX components: use Markdown or a plain HTML tag (lowercase, like <aside>)`,
      `posts/post.mdx:${lineOf(text, "{braces}")}:5: {braces} is a JavaScript expression, which posts leave out: write \`\\{\` for a literal "{" (or put it in \`code\`); a comment is written {/* … */}`,
      `posts/post.mdx:${lineOf(text, "export")}:1: posts cannot import or export (there are no components to import): remove the line`,
    ]);
  });

  it("refuses images that would break: missing from public/, relative, inlined or from a host not listed", async () => {
    const text = [
      good(),
      "![Here](/images/on-call-handover-timeline.svg)",
      "",
      "![Missing](/images/not-there.png)",
      "",
      '<img src="images/relative.png" alt="" />',
      "",
      "![Remote](https://images.example.com/a.png)",
      "",
      "![Inline](data:image/png;base64,AAAA)",
      "",
    ].join("\n");
    expect(await problemsOf(text)).toEqual([
      `posts/post.mdx:${lineOf(text, "not-there")}:1: image "/images/not-there.png" not found: there is no public/images/not-there.png; add the file, or fix the path (it is relative to public/)`,
      `posts/post.mdx:${lineOf(text, "relative.png")}:1: image "images/relative.png" has a relative path, which breaks under /blog/<slug>: start it with / and keep the file in public/ (e.g. /images/relative.png)`,
      `posts/post.mdx:${lineOf(text, "example.com")}:1: image from images.example.com is not allowed: copy it into public/ and link it as /images/<name> (it then gets its size and is served with the site), or add "images.example.com" to remoteImageHosts in lib/site.ts`,
      `posts/post.mdx:${lineOf(text, "data:image")}:1: image "data:image/png;base64,AAAA" is inlined data: save it as a file under public/images/ and link it as /images/<name>`,
    ]);
  });

  it("reports unknown code languages with the closest known one, and keeps every problem of a file", async () => {
    const text = `${good()}\n\`\`\`yamll\nx: 1\n\`\`\`\n\n![x](/nope.svg)\n`;
    expect(await problemsOf(text)).toEqual([
      `posts/post.mdx:${lineOf(text, "yamll")}:1: code block language "yamll" is unknown to the highlighter: did you mean "yaml"? Or use one it knows (ts, bash, yaml, json…) or text`,
      `posts/post.mdx:${lineOf(text, "nope.svg")}:1: image "/nope.svg" not found: there is no public/nope.svg; add the file, or fix the path (it is relative to public/)`,
    ]);
  });

  it("reports bad slugs, duplicates and stray files", async () => {
    const dir = contentDir({
      "My Post.mdx": good(),
      "same-slug.mdx": good(),
      "2025/same-slug.mdx": good(),
      "notes.md": "# not a post",
    });
    const problems = (await checkContent(dir)).problems.map((p) => p.replaceAll(`${dir}${path.sep}`, ""));
    expect(problems).toEqual([
      expect.stringMatching(/^posts\/2025\/same-slug\.mdx, posts\/same-slug\.mdx: duplicate slug "same-slug"/),
      expect.stringMatching(
        /^posts\/My Post\.mdx: file name "My Post" is not a valid slug: .*\(e\.g\. my-post\.mdx\)$/,
      ),
      expect.stringMatching(/^posts\/notes\.md: only \.mdx files are posts/),
    ]);
  });

  it("warns, without failing, about a tag written two ways, naming the file, its line and the others", async () => {
    const dir = contentDir({
      "a.mdx": good().replace('["On-call"]', '["Engineering Leadership"]'),
      "b.mdx": good().replace('["On-call"]', '["Engineering Leadership"]'),
      "c.mdx": good().replace('["On-call"]', '["Culture", "engineering leadership"]'),
    });
    const result = await checkContent(dir);
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.replaceAll(`${dir}${path.sep}`, ""))).toEqual([
      `posts/c.mdx:5:19: warning: tag "engineering leadership" is written "Engineering Leadership" in 2 posts: posts/a.mdx, posts/b.mdx; every page shows it as "Engineering Leadership" (the most used spelling): write it that way here, or set its label in tagLabels (lib/site.ts)`,
    ]);
  });

  it("does not add a series gap to a post whose other frontmatter is wrong", async () => {
    const part = (order: number, extra = "") =>
      good(`Part ${order}`).replace("tags:", `series: "Calm"\nseriesOrder: ${order}\n${extra}tags:`);
    const dir = contentDir({ "one.mdx": part(1, "publishedDate: 2025-01-01\n"), "two.mdx": part(2) });
    const problems = (await checkContent(dir)).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"publishedDate": unknown field');
  });
});

describe("npm run content", () => {
  it("stops with a non-zero exit naming the file, line and field when a post is invalid", () => {
    const dir = contentDir({ "bad-date.mdx": good().replace("2025-05-02", "02/05/2025") });
    const result = spawnSync(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/build-content.ts"],
      {
        env: { ...process.env, CONTENT_DIR: dir },
        encoding: "utf8",
      },
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      `${path.join(dir, "posts", "bad-date.mdx")}:4:14: "publishDate": expected a date like 2025-05-02, got "02/05/2025"`,
    );
    expect(result.stderr).toMatch(/1 problem in /);
  });

  it("stops on an image missing from public/, naming the file and line", () => {
    const text = `${good()}\n![A diagram](/images/missing-diagram.svg)\n`;
    const dir = contentDir({ "with-image.mdx": text });
    const result = spawnSync(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/build-content.ts", "--check-only"],
      {
        env: { ...process.env, CONTENT_DIR: dir },
        encoding: "utf8",
      },
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      `${path.join(dir, "posts", "with-image.mdx")}:${lineOf(text, "missing-diagram")}:1: image "/images/missing-diagram.svg" not found`,
    );
  });
});
