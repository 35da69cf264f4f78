/**
 * `npm run deploy:standalone-check`: builds the site as a self-contained server (`NEXT_OUTPUT=standalone`), in a
 * throwaway copy of the project, lays it out as docs/deploy.md says (public/ and .next/static beside server.js),
 * starts it on 127.0.0.1 without the project around it, and checks what a container would serve: the search index
 * as static files with immutable caching, pages, /contact, /api/health, and the scheduler started by the
 * instrumentation hook. Run it under `flock /tmp/heavy.lock` on a shared machine (one production build).
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { freePort, waitForHttp } from "../shared/proc";
import { createWorkspace } from "../shared/workspace";

const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? "✓" : "✖"} ${what}`);
  if (!ok) problems.push(what);
};

const dir = createWorkspace("standalone");
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^(DATABASE_|RESEND_|CONTACT_|CRON_SECRET|TRUST_PROXY|NEXT_|E2E_)/.test(key),
  ),
) as NodeJS.ProcessEnv;
console.log(`NEXT_OUTPUT=standalone npm run build in ${dir}…`);
const build = spawnSync("npm", ["run", "build"], {
  cwd: dir,
  env: { ...env, NEXT_OUTPUT: "standalone" },
  stdio: "inherit",
});
check(build.status === 0, "the standalone build succeeds");

// The layout docs/deploy.md describes, moved away from the project: nothing else of the checkout is there.
const app = mkdtempSync(path.join(tmpdir(), "steady-state-standalone-"));
cpSync(path.join(dir, ".next", "standalone"), app, { recursive: true });
cpSync(path.join(dir, "public"), path.join(app, "public"), { recursive: true });
cpSync(path.join(dir, ".next", "static"), path.join(app, ".next", "static"), { recursive: true });
const versions = readdirSync(path.join(app, ".next", "static", "pagefind"));
check(versions.length === 1, `the search index travels with .next/static (version ${versions.join(", ")})`);

const port = await freePort();
const data = mkdtempSync(path.join(tmpdir(), "steady-state-standalone-data-"));
const server = spawn(process.execPath, ["server.js"], {
  cwd: app,
  env: {
    ...env,
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: `file:${path.join(data, "enquiries.db")}`,
    CONTACT_OUTBOX_DIR: path.join(data, "outbox"),
    TRUST_PROXY: "1",
  },
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
});
let output = "";
server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
const url = `http://127.0.0.1:${port}`;
try {
  await waitForHttp(`${url}/`, 60_000);
  for (const file of ["pagefind.js", "pagefind-entry.json"]) {
    const response = await fetch(`${url}/_next/static/pagefind/${versions[0]}/${file}`);
    check(
      response.status === 200 && (response.headers.get("cache-control") ?? "").includes("immutable"),
      `GET /_next/static/pagefind/${versions[0]}/${file}: ${response.status}, ${response.headers.get("cache-control")}`,
    );
  }
  for (const [route, expected] of [
    ["/", 200],
    ["/contact", 200],
    ["/api/health", 200],
  ] as const) {
    const response = await fetch(`${url}${route}`);
    check(response.status === expected, `GET ${route}: ${response.status}`);
  }
  check(output.includes("run in this server every 300 s"), "the scheduler started with the server");
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
  rmSync(app, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
}
if (problems.length > 0 || !existsSync(dir)) console.log(output);
console.log(problems.length === 0 ? "\n✓ standalone: every check passed" : `\n✖ standalone: ${problems.length} failed`);
process.exit(problems.length === 0 ? 0 : 1);
