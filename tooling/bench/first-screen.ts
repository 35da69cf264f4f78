/**
 * Where each post's first paragraph starts on a phone's first screen (390 × 844, light and dark), and the
 * header's height there: the phone layout's figures, printed per post. Against a running server:
 *   tsx tooling/bench/first-screen.ts http://127.0.0.1:3000 [content dir, default content]
 * The e2e suite (tests/e2e/phone.spec.ts) holds every post to the first screen; this prints the numbers.
 */
import { chromium } from "@playwright/test";
import matter from "gray-matter";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { chromiumPath } from "./lighthouse";

const [base = "http://127.0.0.1:3000", contentDir = "content"] = process.argv.slice(2);
const dir = path.resolve(contentDir, "posts");
const slugs = readdirSync(dir)
  .filter((file) => file.endsWith(".mdx"))
  .filter((file) => matter(readFileSync(path.join(dir, file), "utf8")).data.draft !== true)
  .map((file) => path.basename(file, ".mdx"));

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: isRoot ? ["--no-sandbox"] : [] });
try {
  for (const colorScheme of ["light", "dark"] as const) {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      colorScheme,
      isMobile: true,
      hasTouch: true,
    });
    const tops: number[] = [];
    for (const slug of slugs) {
      await page.goto(`${base}/blog/${slug}`);
      const { top, header } = await page.evaluate(() => ({
        top: Math.round(document.querySelector("#post .prose > p")!.getBoundingClientRect().top + window.scrollY),
        header: Math.round(document.querySelector(".site-header")!.getBoundingClientRect().height),
      }));
      tops.push(top);
      console.log(`${colorScheme}\t${slug}\tfirst paragraph y = ${top}\theader ${header} px`);
    }
    const sorted = [...tops].sort((a, b) => a - b);
    console.log(
      `${colorScheme}: ${tops.length} posts, first paragraph y min ${sorted[0]}, median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted.at(-1)} (screen 844)`,
    );
    await page.close();
  }
} finally {
  await browser.close();
}
