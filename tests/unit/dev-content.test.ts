import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { CHECK_REPORT_FILE, type CheckReport } from "@/lib/content/check-report";
import { DevContent } from "@/lib/content/dev-content";
import { formatProblem } from "@/lib/content/problems";

/** The content check of `npm run dev`, without next dev: what it prints, what contentlayer gets, what the site reads. */

const post = (title: string, body = "Text.") =>
  `---\ntitle: ${title}\ndescription: Fine.\npublishDate: 2025-05-02\ntags: ["On-call"]\n---\n\n${body}\n`;

const roots: string[] = [];
function session(posts: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), "dev-content-"));
  roots.push(root);
  const contentDir = path.join(root, "content");
  mkdirSync(path.join(contentDir, "posts"), { recursive: true });
  for (const [name, text] of Object.entries(posts)) writeFileSync(path.join(contentDir, "posts", name), text);
  const mirrorDir = path.join(root, ".contentlayer", "dev-source");
  const content = new DevContent({ contentDir, mirrorDir, cwd: root });
  const file = (name: string) => path.join(contentDir, "posts", name);
  const mirrored = (name: string) => {
    const target = path.join(mirrorDir, "posts", name);
    return existsSync(target) ? readFileSync(target, "utf8") : undefined;
  };
  const report = () => JSON.parse(readFileSync(path.join(root, CHECK_REPORT_FILE), "utf8")) as CheckReport;
  const save = async (name: string, text: string) => {
    writeFileSync(file(name), text);
    const update = await content.recheck([file(name)]);
    content.syncMirror();
    content.writeReport();
    return update;
  };
  return { content, file, mirrored, report, save };
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("npm run dev's content check", () => {
  it("hands contentlayer every good post and holds back a broken save, keeping its last good version", async () => {
    const dev = session({ "a.mdx": post("A"), "b.mdx": post("B") });
    await dev.content.checkAll();
    dev.content.syncMirror();
    dev.content.writeReport();
    expect(dev.mirrored("a.mdx")).toBe(post("A"));
    expect(dev.report().held).toEqual([]);

    const broken = post("A", "<aside>\n\nNever closed.");
    const update = await dev.save("a.mdx", broken);
    expect(update.added.map(formatProblem)).toEqual([
      'content/posts/a.mdx:8:1: MDX syntax error: Expected a closing tag for `<aside>`: close it with `</aside>` (or write `\\<` for a literal "<")',
    ]);
    expect(dev.mirrored("a.mdx")).toBe(post("A"));
    expect(dev.report().held).toEqual([
      {
        sourcePath: "posts/a.mdx",
        slug: "a",
        file: "content/posts/a.mdx",
        title: "A",
        problems: [formatProblem(update.added[0]!)],
      },
    ]);

    // Saved again unchanged: nothing new to print; changed but still broken the same way: "still".
    expect((await dev.save("a.mdx", broken)).checked).toEqual([]);
    const again = await dev.save("a.mdx", broken.replace("Never closed.", "Still never closed."));
    expect(again.added).toEqual([]);
    expect(again.unchanged).toEqual([{ file: "content/posts/a.mdx", errors: 1 }]);

    const fixed = await dev.save("a.mdx", post("A, fixed"));
    expect(fixed.fixed).toEqual(["content/posts/a.mdx"]);
    expect(dev.mirrored("a.mdx")).toBe(post("A, fixed"));
    expect(dev.report().held).toEqual([]);
  });

  it("holds a new post that never passed (nothing to mirror) and both posts of a cross-file problem", async () => {
    const dev = session({ "a.mdx": post("A") });
    await dev.content.checkAll();
    await dev.save("new-post.mdx", post("New").replace("publishDate: 2025-05-02", "publishDate: May 2"));
    expect(dev.mirrored("new-post.mdx")).toBeUndefined();
    expect(dev.report().held.map((held) => held.problems)).toEqual([
      ['content/posts/new-post.mdx:4:14: "publishDate": expected a date like 2025-05-02, got "May 2"'],
    ]);

    const part = (order: number) =>
      post(`Part ${order}`).replace("tags:", `series: Calm\nseriesOrder: ${order}\ntags:`);
    await dev.save("a.mdx", part(1));
    await dev.save("new-post.mdx", part(1));
    expect(dev.report().held.map((held) => held.slug)).toEqual(["a", "new-post"]);
    expect(dev.report().held[0]!.problems[0]).toMatch(
      /^content\/posts\/a\.mdx, content\/posts\/new-post\.mdx: series "Calm" has two posts as part 1/,
    );
  });

  it("drops a deleted post from the mirror, and re-checks every post when asked (an image added to public/)", async () => {
    const dev = session({ "a.mdx": post("A"), "b.mdx": post("B", "![Diagram](/images/d.svg)") });
    const first = await dev.content.checkAll();
    expect(first.problems.map(formatProblem)).toEqual([
      'content/posts/b.mdx:8:1: image "/images/d.svg" not found: there is no public/images/d.svg; add the file, or fix the path (it is relative to public/)',
    ]);
    dev.content.syncMirror();
    expect(dev.mirrored("b.mdx")).toBeUndefined();

    const publicImages = path.join(path.dirname(dev.file("a.mdx")), "..", "..", "public", "images");
    mkdirSync(publicImages, { recursive: true });
    writeFileSync(
      path.join(publicImages, "d.svg"),
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"></svg>',
    );
    const all = await dev.content.checkAll();
    expect(all.fixed).toEqual(["content/posts/b.mdx"]);
    dev.content.syncMirror();
    expect(dev.mirrored("b.mdx")).toBe(post("B", "![Diagram](/images/d.svg)"));

    unlinkSync(dev.file("a.mdx"));
    await dev.content.recheck([dev.file("a.mdx")]);
    expect(dev.content.syncMirror()).toEqual(["posts/a.mdx"]);
    expect(dev.mirrored("a.mdx")).toBeUndefined();

    // A deletion the file watcher did not report (it misses some after an editor replaced the file) is seen
    // on the next save of any post.
    unlinkSync(dev.file("b.mdx"));
    await dev.save("c.mdx", post("C"));
    expect(dev.mirrored("b.mdx")).toBeUndefined();
    expect(dev.mirrored("c.mdx")).toBe(post("C"));
  });
});
