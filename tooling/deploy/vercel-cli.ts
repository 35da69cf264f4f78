import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

/**
 * The Vercel CLI, installed on demand into a cache folder outside the project (not a dependency: `npm ci` and
 * the production audit stay as they are). Version 48: the newest asks for a package version the registry here
 * lacks (docs/deploy.md). VERCEL_CLI_DIR overrides the folder.
 */
export const VERCEL_CLI_VERSION = "48.9.2";

export function vercelCliDir(): string {
  const cache = process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache");
  return process.env.VERCEL_CLI_DIR || path.join(cache, "steady-state", `vercel-cli-${VERCEL_CLI_VERSION}`);
}

/** The `vercel` executable, installed first if missing (with npm, like any package). */
export function ensureVercelCli(log: (line: string) => void = console.log): string {
  const dir = vercelCliDir();
  const bin = path.join(dir, "node_modules", ".bin", "vercel");
  if (existsSync(bin)) return bin;
  log(`Installing the Vercel CLI ${VERCEL_CLI_VERSION} into ${dir} (once)…`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ private: true }, null, 2)}\n`);
  const result = spawnSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--save-exact", `vercel@${VERCEL_CLI_VERSION}`],
    { cwd: dir, stdio: "inherit" },
  );
  if (result.status !== 0 || !existsSync(bin)) {
    throw new Error(`npm install vercel@${VERCEL_CLI_VERSION} failed in ${dir} (exit ${result.status})`);
  }
  return bin;
}
