/**
 * What search and quote links cost, and when: a post page's JS as served (against a baseline build of the
 * site before these features, when given), then the bytes Chromium downloads on the first open of search, on
 * its first query, and on the first selection in the article; and the size of each build's search index.
 * Figures, not assertions. Needs `npm run build` (and `npm run build:fixture` for the index at scale):
 *   tsx tooling/bench/first-use.ts [--baseline <dir of a built checkout>] [--post <slug>] [--word <query>]
 */
import { chromium } from "@playwright/test";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { searchIndexRoot } from "../../lib/search/serve";

import { startNext, type Server } from "../shared/proc";
import { ROOT } from "../shared/workspace";
import { kb, measurePage } from "./page-weight";

const { values } = parseArgs({
  options: {
    baseline: { type: "string" },
    post: { type: "string", default: "designing-an-on-call-rotation-nobody-dreads" },
    word: { type: "string", default: "handover" },
  },
});
const postPath = `/blog/${values.post}`;

function indexSize(dist: string): { pages: number; data: number; runtime: number } | null {
  // The build's index: <dist>/static/pagefind/<version> (lib/search/serve.ts).
  const dir = searchIndexRoot(path.join(ROOT, dist));
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return null;
  }
  let data = 0;
  let runtime = 0;
  let pages = 0;
  for (const file of files) {
    const stat = statSync(path.join(dir, file));
    if (!stat.isFile()) continue;
    if (/\.(js|pagefind)$/.test(file)) runtime += stat.size;
    else data += stat.size;
  }
  // Prerendered post pages are what the index holds.
  pages = readdirSync(path.join(ROOT, dist, "server", "app", "blog")).filter((f) => f.endsWith(".html")).length;
  return { pages, data, runtime };
}

const servers: Server[] = [];
try {
  const site = await startNext(ROOT);
  servers.push(site);
  const after = await measurePage(site.url, postPath);
  let before: Awaited<ReturnType<typeof measurePage>> | undefined;
  if (values.baseline) {
    const baseline = await startNext(path.resolve(values.baseline));
    servers.push(baseline);
    before = await measurePage(baseline.url, postPath);
  }

  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const context = await browser.newContext();
  const page = await context.newPage();
  let phase = "load";
  const bytes = new Map<string, { bytes: number; files: string[] }>();
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) return;
    const entry = bytes.get(phase) ?? { bytes: 0, files: [] };
    entry.bytes += sizes.responseBodySize;
    entry.files.push(new URL(request.url()).pathname);
    bytes.set(phase, entry);
  });
  await page.goto(`${site.url}${postPath}`, { waitUntil: "networkidle" });
  phase = "search: open";
  await page.locator("a.search-trigger").click();
  await page.getByRole("combobox", { name: "Topic" }).waitFor();
  await page.waitForLoadState("networkidle");
  phase = "search: first query";
  await page.getByRole("searchbox").fill(values.word!);
  await page.locator(".search-result mark").first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Close search" }).click();
  phase = "quote links: first selection";
  await page.evaluate(() => {
    const p = document.querySelector("#post .prose > p")!;
    const range = document.createRange();
    range.selectNodeContents(p);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await page.getByRole("group", { name: "Quote" }).waitFor();
  await page.waitForLoadState("networkidle");
  await browser.close();

  console.log(`Post page ${postPath}: module JS as served (gzip level 9), from the HTML`);
  if (before) {
    console.log(`  before these features: ${kb(before.js.gzip)} in ${before.js.files} files`);
    console.log(
      `  with them:             ${kb(after.js.gzip)} in ${after.js.files} files (${(after.js.gzip / before.js.gzip).toFixed(3)}× the baseline, +${after.js.gzip - before.js.gzip} bytes)`,
    );
  } else console.log(`  ${kb(after.js.gzip)} in ${after.js.files} files`);
  const load = bytes.get("load")?.bytes ?? 0;
  console.log(`Downloaded by Chromium (bytes on the wire), against the page load (${kb(load)}):`);
  for (const [phaseName, entry] of bytes) {
    if (phaseName === "load") continue;
    console.log(
      `  ${phaseName}: ${kb(entry.bytes)} (${(entry.bytes / load).toFixed(2)}× the load) in ${entry.files.length} files: ${entry.files.join(", ")}`,
    );
  }
  for (const dist of [".next", ".next-fixture"]) {
    const size = indexSize(dist);
    if (!size) continue;
    console.log(
      `Search index in ${dist}: ${size.pages} posts, data ${kb(size.data)} (${kb((size.data / size.pages) * 100)} per 100 posts at this size), Pagefind runtime ${kb(size.runtime)} (fixed)`,
    );
  }
} finally {
  for (const server of servers) await server.stop();
}
