/**
 * The author's loop: time from saving an .mdx file to `npm run dev` serving
 * the new text (the content check passes it to contentlayer2 dev, which regenerates; next dev recompiles the page).
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { childEnv, freePort, stopChild, waitForHttp } from "../shared/proc";
import { createWorkspace } from "../shared/workspace";

export type DevLoopResult = { samples: number[]; medianMs: number; firstCompileMs: number };

export async function devLoop(rounds = 3): Promise<DevLoopResult> {
  const dir = createWorkspace("dev-loop");
  const port = await freePort();
  const postsDir = path.join(dir, "content", "posts");
  const slug = "designing-an-on-call-rotation-nobody-dreads";
  const file = path.join(postsDir, `${slug}.mdx`);
  // next dev sets NODE_ENV itself (and warns about an inherited one).
  const env: Record<string, string | undefined> = { ...childEnv(dir, { PORT: String(port) }) };
  delete env.NODE_ENV;
  // What `npm run dev` runs (scripts/dev.ts: the content check on every save, contentlayer2 dev, next dev), on 127.0.0.1.
  const dev = spawn(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "scripts/dev.ts", "-H", "127.0.0.1", "-p", String(port)],
    { cwd: dir, env: env as NodeJS.ProcessEnv, stdio: "ignore", detached: true },
  );
  const url = `http://127.0.0.1:${port}/blog/${slug}`;
  try {
    const started = performance.now();
    await waitForHttp(url, 180_000);
    // The first request may race contentlayer's first generation: wait until the page is really there.
    await poll(url, (html) => html.includes("<h1"), 120_000);
    const firstCompileMs = performance.now() - started;
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const marker = `Benchmark edit ${Date.now()}-${i}`;
      const original = readFileSync(file, "utf8");
      const saved = performance.now();
      writeFileSync(file, `${original}\n\n${marker}\n`);
      await poll(url, (html) => html.includes(marker), 120_000);
      samples.push(performance.now() - saved);
      writeFileSync(file, original);
      await poll(url, (html) => !html.includes(marker), 120_000);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return { samples, medianMs: sorted[Math.floor(sorted.length / 2)]!, firstCompileMs };
  } finally {
    await stopChild(dev);
  }
}

async function poll(url: string, done: (html: string) => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const html = await (await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(30_000) })).text();
      if (done(html)) return;
    } catch {
      // The dev server may restart a compile mid-request; try again.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not show the change within ${timeoutMs} ms`);
}

if (process.argv[1]?.endsWith("dev-loop.ts")) {
  console.log(await devLoop(Number(process.argv[2] ?? 3)));
}
