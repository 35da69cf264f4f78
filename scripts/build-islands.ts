/**
 * `npm run islands [-- --watch]`: builds the islands' browser code (lib/islands/islands-build.ts). Runs before
 * `next build`, `next dev`, the typecheck and the unit tests; `--watch` rebuilds on every change under
 * components/ and lib/ (used by `npm run dev`).
 */
import { watch } from "node:fs";
import path from "node:path";

import { buildIslands } from "../lib/islands/islands-build";

const root = path.resolve(import.meta.dirname, "..");
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function once(): Promise<boolean> {
  const started = performance.now();
  try {
    const report = await buildIslands(root);
    console.log(
      `✓ islands: inline ${kib(report.inline.islandsScript)} + theme ${report.inline.themeScript} B; on first use ${Object.values(
        report.lazy,
      )
        .map((m) => `${m.url} ${kib(m.bytes)}`)
        .join(", ")} (${Math.round(performance.now() - started)} ms)`,
    );
    return true;
  } catch (error) {
    console.error(`✖ islands: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

const ok = await once();
if (process.argv.includes("--watch")) {
  let timer: NodeJS.Timeout | undefined;
  for (const dir of ["components", "lib"]) {
    watch(path.join(root, dir), { recursive: true }, (_event, file) => {
      if (!file || !/\.tsx?$/.test(file) || file.endsWith("generated.ts")) return;
      clearTimeout(timer);
      timer = setTimeout(() => void once(), 100);
    });
  }
} else if (!ok) process.exit(1);
