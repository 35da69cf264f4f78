import matter from "gray-matter";
import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Series in Chromium against the production build: every part links the others in order and the next at the end. */

type Part = { slug: string; title: string; series: string; order: number };

function seriesParts(): Map<string, Part[]> {
  const dir = path.resolve("content", "posts");
  const bySeries = new Map<string, Part[]>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".mdx"))) {
    const { data } = matter(readFileSync(path.join(dir, file), "utf8"));
    if (data.draft === true || typeof data.series !== "string") continue;
    const part = {
      slug: path.basename(file, ".mdx"),
      title: String(data.title),
      series: data.series,
      order: Number(data.seriesOrder),
    };
    bySeries.set(data.series, [...(bySeries.get(data.series) ?? []), part]);
  }
  for (const parts of bySeries.values()) parts.sort((a, b) => a.order - b.order);
  return bySeries;
}

const all = seriesParts();

test("the sample content has a series to show", () => {
  expect(all.size).toBeGreaterThan(0);
  for (const parts of all.values()) expect(parts.length).toBeGreaterThan(1);
});

for (const [name, parts] of all) {
  test(`every part of "${name}" links its parts in order and the next part at the end`, async ({ page }) => {
    for (const [index, part] of parts.entries()) {
      await page.goto(`/blog/${part.slug}`);
      const nav = page.getByRole("navigation", { name: `Series: ${name}`, exact: true });
      await expect(nav).toContainText(`Part ${index + 1} of ${parts.length} in the series ${name}`);
      await expect(nav.locator("li")).toHaveText(parts.map((p) => p.title));
      await expect(nav.locator('li[aria-current="page"]')).toHaveText(part.title);
      const links = await nav.locator("li a").evaluateAll((els) => els.map((el) => el.getAttribute("href")));
      expect(links).toEqual(parts.filter((p) => p !== part).map((p) => `/blog/${p.slug}`));

      const end = page.getByRole("navigation", { name: `Next in the series: ${name}` });
      const next = parts[index + 1];
      if (next) await expect(end.getByRole("link", { name: next.title })).toHaveAttribute("href", `/blog/${next.slug}`);
      else await expect(end).toContainText(`This is the last part of ${name}`);

      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
      expect(JSON.stringify(jsonLd)).toContain('"CreativeWorkSeries"');
    }
  });

  test(`/series lists "${name}" and its page lists the parts in order`, async ({ page }) => {
    await page.goto("/series");
    await page.getByRole("link", { name: new RegExp(name) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.locator(".series-parts__title")).toHaveText(parts.map((p) => p.title));
  });
}
