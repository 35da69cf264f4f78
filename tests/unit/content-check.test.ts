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

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("checkContent", () => {
  it("passes valid posts", async () => {
    const dir = contentDir({ "a-post.mdx": good(), "another-post.mdx": good("Another") });
    expect(await checkContent(dir)).toEqual({ files: 2, problems: [] });
  });

  it("reports frontmatter problems with file and field", async () => {
    const dir = contentDir({ "bad.mdx": good().replace("publishDate: 2025-05-02", "publishedDate: 2025-05-02") });
    const { problems } = await checkContent(dir);
    const file = path.join(dir, "posts", "bad.mdx");
    expect(problems).toContain(`${file}: "publishDate": required: add a publishDate like 2025-05-02`);
    expect(problems.some((p) => p.startsWith(`${file}: "publishedDate": unknown field`))).toBe(true);
  });

  it("reports an MDX syntax error with the line in the file", async () => {
    // Frontmatter is 6 lines, a blank line, then the body: the unclosed tag is on line 10.
    const text = good() + "\n<Callout>\nnever closed\n";
    const dir = contentDir({ "unclosed.mdx": text });
    const { problems } = await checkContent(dir);
    const line = text.split("\n").indexOf("<Callout>") + 1;
    expect(problems).toEqual([
      `${path.join(dir, "posts", "unclosed.mdx")}:${line}:1: MDX syntax error: Expected a closing tag for \`<Callout>\``,
    ]);
  });

  it("reports YAML errors, unknown code languages, bad slugs, duplicates and stray files", async () => {
    const dir = contentDir({
      "My Post.mdx": good(),
      "broken-yaml.mdx": "---\ntitle: [unclosed\n---\n",
      "code.mdx": good() + "\n```yml2\nx: 1\n```\n",
      "same-slug.mdx": good(),
      "2025/same-slug.mdx": good(),
      "notes.md": "# not a post",
    });
    const problems = (await checkContent(dir)).problems.map((p) => p.replaceAll(`${dir}${path.sep}`, ""));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^posts\/My Post\.mdx: file name "My Post" is not a valid slug: .*\(e\.g\. my-post\.mdx\)$/,
        ),
        expect.stringMatching(/^posts\/broken-yaml\.mdx:\d+: frontmatter is not valid YAML: /),
        expect.stringMatching(/^posts\/code\.mdx:12: code block language "yml2" is unknown/),
        expect.stringMatching(/^posts\/2025\/same-slug\.mdx, posts\/same-slug\.mdx: duplicate slug "same-slug"/),
        expect.stringMatching(/^posts\/notes\.md: only \.mdx files are posts/),
      ]),
    );
    expect(problems).toHaveLength(5);
  });
});

describe("npm run content", () => {
  it("stops with a non-zero exit naming the file and field when a post is invalid", () => {
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
      `${path.join(dir, "posts", "bad-date.mdx")}: "publishDate": expected a date like 2025-05-02, got "02/05/2025"`,
    );
    expect(result.stderr).toMatch(/1 problem in /);
  });
});
