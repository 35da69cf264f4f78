/**
 * `npm run deploy:vercel-check`: builds the site with Vercel's own builder, offline, as a Vercel deployment
 * would, and checks the output (Build Output API v3, `.vercel/output`):
 *
 * 1. with DATABASE_URL unset, the build stops, naming DATABASE_URL and what to do (a file database on Vercel
 *    would lose every enquiry);
 * 2. with a remote database, it succeeds, and: the search index is static output (the CDN serves it) under
 *    the version the client code asks for, with an immutable Cache-Control route; `config.json` lists the cron
 *    of vercel.json; the cron route, the health route and the contact page are functions; nothing is left of the
 *    old runtime route that read the index from disk.
 *
 * Runs in a throwaway copy of the project (tooling/shared/workspace.ts), so the checkout's .next is untouched.
 * About 4 minutes per build on a quiet 2-core machine: run it under `flock /tmp/heavy.lock` on a shared one.
 * The Vercel CLI is installed on demand outside the project (tooling/deploy/vercel-cli.ts).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import { createWorkspace } from "../shared/workspace";
import { ensureVercelCli } from "./vercel-cli";

type Run = { code: number | null; output: string; seconds: number };

function vercelBuild(bin: string, cwd: string, env: Record<string, string>): Promise<Run> {
  const started = Date.now();
  // The project's own settings and none of this machine's: a Vercel build starts from the project's variables.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(DATABASE_|RESEND_|CONTACT_|CRON_SECRET|TRUST_PROXY|SITE_|NEXT_|SCHEDULER_|E2E_)/.test(key),
    ),
  );
  return new Promise((resolve) => {
    const child = spawn(bin, ["build", "--yes"], {
      cwd,
      env: { ...base, ...env } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("exit", (code) => resolve({ code, output, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => statSync(path.join(dir, file)).isFile())
    .sort();
}

const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? "✓" : "✖"} ${what}`);
  if (!ok) problems.push(what);
};

const bin = ensureVercelCli();
const dir = createWorkspace("vercel");
mkdirSync(path.join(dir, ".vercel"), { recursive: true });
writeFileSync(
  path.join(dir, ".vercel", "project.json"),
  JSON.stringify({
    projectId: "prj_local",
    orgId: "team_local",
    settings: { framework: "nextjs", nodeVersion: "20.x" },
  }),
);
console.log(`Vercel builds in ${dir}\n`);

// 1. The default database on Vercel: the build must stop, and say what to do.
console.log("— vercel build with DATABASE_URL unset —");
const refused = await vercelBuild(bin, dir, {});
check(refused.code !== 0, `the build stops (exit ${refused.code}, ${refused.seconds} s)`);
const refusal = refused.output.split("\n").find((line) => line.includes("DATABASE_URL:"));
check(
  Boolean(refusal?.includes("Vercel does not keep files") && refusal.includes("DATABASE_AUTH_TOKEN")),
  `it names DATABASE_URL and what to do:\n    ${refusal?.trim() ?? "(no DATABASE_URL line)"}`,
);
rmSync(path.join(dir, ".vercel", "output"), { recursive: true, force: true });

// 2. A real deployment's settings (the database is only named: nothing connects to it while building).
console.log("\n— vercel build with a remote libSQL database —");
const built = await vercelBuild(bin, dir, {
  DATABASE_URL: "libsql://steady-state-check.turso.io",
  DATABASE_AUTH_TOKEN: "build-check-token",
  SITE_URL: "https://steadystate.co.uk",
  CRON_SECRET: "build-check-cron-secret-0123456789",
});
check(built.code === 0, `the build succeeds (${built.seconds} s)`);

const output = path.join(dir, ".vercel", "output");
const config = existsSync(path.join(output, "config.json"))
  ? (JSON.parse(readFileSync(path.join(output, "config.json"), "utf8")) as {
      crons?: unknown[];
      routes?: Array<{ src?: string; headers?: Record<string, string> }>;
    })
  : {};

console.log(`\nconfig.json "crons": ${JSON.stringify(config.crons)}`);
const vercelJson = JSON.parse(readFileSync(path.join(dir, "vercel.json"), "utf8")) as { crons: unknown[] };
check(JSON.stringify(config.crons) === JSON.stringify(vercelJson.crons), "config.json lists the cron of vercel.json");

const indexRoot = path.join(output, "static", "_next", "static", "pagefind");
const versions = existsSync(indexRoot) ? readdirSync(indexRoot) : [];
check(versions.length === 1, `one search index version in the static output: ${versions.join(", ") || "none"}`);
const version = versions[0] ?? "";
const index = filesUnder(path.join(indexRoot, version));
console.log(`\nstatic/_next/static/pagefind/${version}/ (${index.length} files):`);
for (const file of index) console.log(`  ${file}  ${statSync(path.join(indexRoot, version, file)).size} B`);
check(
  ["pagefind.js", "pagefind-entry.json"].every((file) => index.includes(file)) &&
    index.some((file) => file.endsWith(".pf_fragment")),
  "the index is complete (loader, entry, fragments)",
);
const chunks = filesUnder(path.join(output, "static", "_next", "static", "chunks")).filter((file) =>
  file.endsWith(".js"),
);
const asking = chunks.filter((file) =>
  readFileSync(path.join(output, "static", "_next", "static", "chunks", file), "utf8").includes(
    `/_next/static/pagefind/${version}`,
  ),
);
check(asking.length > 0, `the search dialog's code asks for that version (${asking.join(", ") || "no chunk"})`);

const cacheRoutes = (config.routes ?? []).filter((route) => route.src?.includes("pagefind"));
console.log(
  `\nconfig.json routes for the index:\n${cacheRoutes.map((route) => `  ${JSON.stringify(route)}`).join("\n")}`,
);
check(
  cacheRoutes.some((route) =>
    Object.entries(route.headers ?? {}).some(
      ([name, value]) => name.toLowerCase() === "cache-control" && value.includes("immutable"),
    ),
  ),
  "the index is cached immutably",
);

const functions = filesUnder(path.join(output, "functions"))
  .filter((file) => file.endsWith(".vc-config.json"))
  .map((file) => path.dirname(file));
for (const route of ["api/enquiries/retry.func", "api/health.func", "contact.func"]) {
  check(functions.includes(route), `function ${route}`);
}
check(!functions.some((name) => name.startsWith("pagefind")), "no function serves the index");

console.log(
  problems.length === 0
    ? `\n✓ vercel build: every check passed (${dir})`
    : `\n✖ vercel build: ${problems.length} check(s) failed (${dir})`,
);
process.exit(problems.length === 0 ? 0 : 1);
