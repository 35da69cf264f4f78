import rehypeStringify from "rehype-stringify";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";

import { analyzeBody } from "@/lib/content/analyze";
import { rehypePlugins, remarkPlugins } from "@/lib/content/mdx-pipeline";

async function render(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkPlugins)
    .use(remarkRehype)
    .use(rehypePlugins)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe("dialogue blockquotes", () => {
  it("keeps one speaker a line instead of joining the lines", async () => {
    const html = await render('> — "Can we ship the fix tonight?"\n> — "Not until the migration has a rollback."\n');
    expect(html).toContain('<blockquote class="dialogue">');
    const lines = [...html.matchAll(/<p class="dialogue-line">(.*?)<\/p>/g)].map((m) => m[1]);
    expect(lines).toEqual(["— “Can we ship the fix tonight?”", "— “Not until the migration has a rollback.”"]);
  });

  it("handles bold speaker names", async () => {
    const html = await render(
      "> **Priya:** Why did nobody page me?\n> **Tom:** Because the alert went to a channel nobody reads.\n",
    );
    const lines = [...html.matchAll(/<p class="dialogue-line">(.*?)<\/p>/g)].map((m) => m[1]);
    expect(lines).toEqual([
      "<strong>Priya:</strong> Why did nobody page me?",
      "<strong>Tom:</strong> Because the alert went to a channel nobody reads.",
    ]);
  });

  it("leaves a quotation wrapped over several lines as one paragraph", async () => {
    const html = await render(
      "> Regardless of what we discover, we understand and truly believe\n> that everyone did the best job they could.\n",
    );
    expect(html).not.toContain("dialogue");
    expect(html).toMatch(
      /<blockquote>\s*<p>Regardless of what we discover, we understand and truly believe\nthat everyone did the best job they could\.<\/p>/,
    );
  });
});

describe("rendering", () => {
  it("gives headings ids and anchor links, matching the table of contents", async () => {
    const source = "## Why `on-call` hurts\n\ntext\n\n### The *arithmetic*\n\n## Why `on-call` hurts\n\n#### Deep\n";
    const html = await render(source);
    const ids = [...html.matchAll(/<h[23] id="([^"]+)"/g)].map((m) => m[1]);
    expect(analyzeBody(source).headings).toEqual([
      { depth: 2, text: "Why on-call hurts", id: ids[0] },
      { depth: 3, text: "The arithmetic", id: ids[1] },
      { depth: 2, text: "Why on-call hurts", id: ids[2] },
    ]);
    expect(ids).toEqual(["why-on-call-hurts", "the-arithmetic", "why-on-call-hurts-1"]);
    expect(html).toContain(
      '<a class="heading-anchor" aria-label="Link to section: Why on-call hurts" href="#why-on-call-hurts">',
    );
  });

  it("renders GFM: tables, task lists, footnotes", async () => {
    const html = await render(
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\nText[^1].\n\n[^1]: A note.\n",
    );
    expect(html).toContain("<table>");
    // Task boxes are labelled markers, not unlabelled disabled checkboxes.
    expect(html).not.toContain("<input");
    expect(html).toContain('<span class="task-box task-box--done" role="img" aria-label="Done:"></span> done');
    expect(html).toContain('<span class="task-box" role="img" aria-label="To do:"></span> todo');
    expect(html).toMatch(/<section data-footnotes class="footnotes">/);
  });

  it("highlights code at build time with a title and marked lines", async () => {
    const html = await render('```yaml title="schedule.yaml" {2}\na: 1\nb: 2\n```\n');
    expect(html).toContain('data-rehype-pretty-code-title=""');
    expect(html).toContain(">schedule.yaml</figcaption>");
    expect(html).toMatch(/<span data-line="" data-highlighted-line="">.*b/);
    expect(html).toContain("--shiki-dark:");
  });

  it("counts words of prose and code", () => {
    expect(analyzeBody("## Title here\n\nOne two three.\n\n```ts\nconst x = 1\n```\n").words).toBe(8);
  });
});
