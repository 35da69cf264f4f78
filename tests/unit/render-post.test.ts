import { describe, expect, it } from "vitest";

import { renderPostBody } from "@/lib/content/render-post";
import { site } from "@/lib/site";

describe("a post body rendered to static HTML", () => {
  it("keeps the site's pipeline: heading anchors, dual-theme code, GFM", async () => {
    const html = await renderPostBody(
      '## Why it hurts\n\nSome *text*.\n\n```ts title="a.ts"\nconst a = 1;\n```\n\n- [x] done\n',
    );
    expect(html).toContain(
      '<h2 id="why-it-hurts">Why it hurts<a class="heading-anchor" aria-label="Link to section: Why it hurts" href="#why-it-hurts">',
    );
    expect(html).toContain("--shiki-dark:");
    expect(html).toContain('<pre tabindex="0"');
    expect(html).toContain('aria-label="Done:"');
  });

  it("marks other sites' links noopener noreferrer and turns own absolute links into paths", async () => {
    const html = await renderPostBody(
      `[out](https://example.org/x) [own](${site.url}/blog/other#part) [rel](/tags/x) [here](#top)`,
    );
    expect(html).toContain('<a href="https://example.org/x" rel="noopener noreferrer">out</a>');
    expect(html).toContain('<a href="/blog/other#part">own</a>');
    expect(html).toContain('<a href="/tags/x">rel</a>');
    expect(html).toContain('<a href="#top">here</a>');
  });

  it("gives public images their intrinsic size and lazy loading", async () => {
    const html = await renderPostBody("![A timeline](/images/on-call-handover-timeline.svg)");
    expect(html).toMatch(
      /<img src="\/images\/on-call-handover-timeline.svg" alt="A timeline" loading="lazy" decoding="async" width="\d+" height="\d+">/,
    );
  });

  it("wraps tables in a focusable scrolling region", async () => {
    const html = await renderPostBody("| a | b |\n|---|---|\n| 1 | 2 |\n");
    expect(html).toMatch(
      /^<div class="table-scroll" role="region" aria-label="Table \(scrolls sideways\)" tabindex="0"><table>/,
    );
  });

  it("renders lower-case JSX as HTML with its literal attributes and drops JavaScript", async () => {
    const html = await renderPostBody(
      'Press <kbd title="key">Ctrl</kbd> now{1 + 1}.\n\n{/* a note to self */}\n\nexport const x = 1\n\n<>kept</>\n',
    );
    expect(html).toContain('Press <kbd title="key">Ctrl</kbd> now.');
    expect(html).not.toContain("note to self");
    expect(html).not.toContain("export");
    expect(html).toContain("kept");
  });

  it("refuses a component tag, which posts cannot use", async () => {
    await expect(renderPostBody("Hello\n\n<Callout>hi</Callout>\n")).rejects.toThrow(
      /line 3 of the post body: `<Callout>` is a component, and posts have no MDX components/,
    );
  });
});
