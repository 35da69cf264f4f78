/**
 * Drill: drafts and hostile content. The sample posts plus a draft and a post
 * with a hostile title (tooling/shared/hostile-posts.ts) are built in a throwaway
 * copy of the project (content outside the copy), served with `next start`,
 * and every served byte is scanned (tooling/drill/lib/scan.ts).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

import { childEnv } from "../shared/proc";
import { createWorkspace, WORK } from "../shared/workspace";
import { writeDrillPosts } from "../shared/hostile-posts";
import { scanSite, type ScanResult } from "./lib/scan";
import { startDrillServer } from "./lib/server";

export type HostileContentResult = ScanResult & { buildSeconds: number; posts: number };

export async function runHostileContent({
  log = console.log,
}: { log?: (line: string) => void } = {}): Promise<HostileContentResult> {
  const cwd = createWorkspace("drill-hostile");
  const contentDir = path.join(WORK, "drill-hostile-content");
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(path.join(contentDir, "posts"), { recursive: true });
  cpSync(path.resolve("content", "posts"), path.join(contentDir, "posts"), { recursive: true });
  writeDrillPosts(path.join(contentDir, "posts"));
  const env = childEnv(cwd, { CONTENT_DIR: contentDir, NODE_ENV: "production" });
  const started = performance.now();
  for (const args of [
    ["node_modules/tsx/dist/cli.mjs", "scripts/build-content.ts"],
    ["node_modules/tsx/dist/cli.mjs", "scripts/build-islands.ts"],
    ["node_modules/next/dist/bin/next", "build"],
  ]) {
    log(`  building the hostile-content copy: ${args.join(" ")}`);
    const result = spawnSync(process.execPath, args, { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`build step failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  }
  const buildSeconds = (performance.now() - started) / 1000;
  const server = await startDrillServer({ cwd });
  try {
    const scan = await scanSite(server.url, { distDir: path.join(cwd, ".next") });
    return { ...scan, buildSeconds, posts: 7 };
  } finally {
    await server.stop();
    rmSync(cwd, { recursive: true, force: true });
    rmSync(contentDir, { recursive: true, force: true });
  }
}
