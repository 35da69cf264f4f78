import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
// Outside the repo: tools that look upward for a lockfile or config must not find this project.
export const WORK = path.join(tmpdir(), "steady-state-bench");

/**
 * A throwaway copy of the project (tracked and unignored files, node_modules
 * hard-linked) so a benchmark build never touches the real .next, .contentlayer or tsconfig.
 * The tooling itself stays out: the product neither imports nor type-checks it.
 */
export function createWorkspace(name: string, { unique = false }: { unique?: boolean } = {}): string {
  // `unique`: a fresh folder per call, for runs that may overlap (two test workers, two checkouts on one machine).
  mkdirSync(WORK, { recursive: true });
  const dir = unique ? mkdtempSync(path.join(WORK, `${name}-`)) : path.join(WORK, name);
  if (!unique) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file && !file.startsWith("tooling/") && existsSync(path.join(ROOT, file)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  linkNodeModules(dir);
  return dir;
}

export function linkNodeModules(dir: string) {
  // Hard links: instant, no extra space, and real files (Turbopack refuses symlinks out of the project root).
  const result = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(dir, "node_modules")]);
  if (result.status !== 0) cpSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), { recursive: true });
}

export function dirSize(dir: string): number {
  const out = spawnSync("du", ["-sb", dir], { encoding: "utf8" });
  return Number(out.stdout.split(/\s+/)[0] ?? 0);
}
