/**
 * Cold builds of N synthetic posts in a throwaway copy of the project:
 * wall time, peak memory, output size, ms per post, the largest list page.
 */
import { readdirSync, rmSync, statSync, existsSync } from "node:fs";
import path from "node:path";

import { generatePosts } from "../shared/generate-posts";

import { timed } from "../shared/proc";
import { createWorkspace, dirSize, WORK } from "../shared/workspace";

export type BuildResult = {
  posts: number;
  seconds: number;
  contentSeconds: number;
  nextSeconds: number;
  peakRssMb: number | null;
  outputBytes: number;
  htmlPages: number;
  largestListPage: { path: string; bytes: number };
  msPerPost: number;
};

function listPages(appDir: string): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html"))
        out.push({ path: path.relative(appDir, full), bytes: statSync(full).size });
    }
  };
  if (existsSync(appDir)) walk(appDir);
  return out;
}

export function buildScale(counts: number[], log: (line: string) => void = console.log): BuildResult[] {
  const results: BuildResult[] = [];
  for (const count of counts) {
    const dir = createWorkspace(`build-${count}`);
    // Outside the workspace: contentlayer2 crawls for minutes when the content folder sits inside the project copy.
    const contentDir = path.join(WORK, `content-${count}`);
    generatePosts({ out: contentDir, count, seed: count });
    const env = { CONTENT_DIR: contentDir, NEXT_TELEMETRY_DISABLED: "1" };
    log(`  building ${count} posts (cold)…`);
    const content = timed(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/build-content.ts"], {
      cwd: dir,
      env,
    });
    if (content.status !== 0)
      throw new Error(`content build of ${count} posts failed:\n${content.output.slice(-4000)}`);
    const islands = timed(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/build-islands.ts"], {
      cwd: dir,
    });
    if (islands.status !== 0) throw new Error(`islands build failed:\n${islands.output.slice(-4000)}`);
    const next = timed(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: dir, env });
    if (next.status !== 0) throw new Error(`next build of ${count} posts failed:\n${next.output.slice(-4000)}`);
    // The lists and posts are Pages Router pages (server/pages), the rest App Router pages (server/app).
    const pages = ["app", "pages"].flatMap((router) => listPages(path.join(dir, ".next", "server", router)));
    const lists = pages.filter(
      (p) => /^(blog|index|tags)(\/|\.html)|^blog\/page\//.test(p.path) && !/^blog\/synthetic-post/.test(p.path),
    );
    const largest = lists.sort((a, b) => b.bytes - a.bytes)[0] ?? { path: "-", bytes: 0 };
    const seconds = content.seconds + next.seconds;
    const result: BuildResult = {
      posts: count,
      seconds,
      contentSeconds: content.seconds,
      nextSeconds: next.seconds,
      peakRssMb: Math.max(content.peakRssMb ?? 0, next.peakRssMb ?? 0) || null,
      outputBytes: dirSize(path.join(dir, ".next")),
      htmlPages: pages.length,
      largestListPage: largest,
      msPerPost: (seconds * 1000) / count,
    };
    log(
      `  ${count} posts: ${seconds.toFixed(1)} s, ${result.peakRssMb?.toFixed(0) ?? "?"} MB peak, largest list page ${(largest.bytes / 1024).toFixed(1)} KB`,
    );
    results.push(result);
    rmSync(dir, { recursive: true, force: true });
    rmSync(contentDir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1]?.endsWith("build-scale.ts")) {
  const counts = process.argv.slice(2).map(Number).filter(Boolean);
  console.log(JSON.stringify(buildScale(counts.length ? counts : [100]), null, 2));
}
