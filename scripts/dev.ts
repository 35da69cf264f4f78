/**
 * `npm run dev [-- next dev options, e.g. -p 4000 -H 127.0.0.1]`: the author's loop. The content check (the same
 * one every build runs) checks every post at start and each post again on every save, prints each new problem
 * once as `file:line:col: what, and what to do`, and the site shows it at the post's URL while every other post
 * keeps rendering (lib/content/dev-content.ts, held-posts.ts). Beside it run `contentlayer2 dev`, reading only the
 * versions that passed, the islands' build in watch mode, and `next dev`. Stopping this process (Ctrl-C, SIGTERM)
 * stops them all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync, watch } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { DevContent, type DevCheckUpdate } from "../lib/content/dev-content";
import { formatProblem, type ContentProblem } from "../lib/content/problems";
import { contentDir as readContentDir } from "../lib/env";

const cwd = process.cwd();
const contentDir = path.resolve(cwd, readContentDir());
// Inside .contentlayer (ignored by git, rebuilt on demand), outside the content folder contentlayer watches.
const mirrorDir = path.join(cwd, ".contentlayer", "dev-source");
const content = new DevContent({ contentDir, mirrorDir, cwd });
const shown = path.relative(cwd, content.postsDir) || content.postsDir;

const line = (problem: ContentProblem) => `${problem.severity === "error" ? "✖" : "⚠"} ${formatProblem(problem)}`;

function print(update: DevCheckUpdate) {
  for (const problem of update.added) (problem.severity === "error" ? console.error : console.warn)(line(problem));
  for (const { file, errors } of update.unchanged) {
    console.error(`✖ ${file}: still ${errors === 1 ? "the problem" : `the ${errors} problems`} above`);
  }
  for (const file of update.fixed) console.log(`✓ ${file}: fixed, the site shows it again`);
}

// contentlayer says "Generated N documents" after each round; the report waits for it (below).
const generated: (() => void)[] = [];
const nextGeneration = (timeoutMs: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    generated.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });

const started = performance.now();
const first = await content.checkAll();
content.syncMirror();
content.writeReport();
const errors = first.problems.filter((problem) => problem.severity === "error").length;
for (const problem of first.problems) (problem.severity === "error" ? console.error : console.warn)(line(problem));
console.log(
  `${errors ? "✖" : "✓"} ${first.checked.length} post file${first.checked.length === 1 ? "" : "s"} checked in ${Math.round(performance.now() - started)} ms (${shown})` +
    (errors
      ? `: ${errors} problem${errors === 1 ? "" : "s"}; the site shows ${errors === 1 ? "it" : "them"} at each post's URL until fixed`
      : "") +
    "; watching for changes",
);

// One round at a time, for every file saved since the last one (editors write a file in several steps).
let pending = new Set<string>();
let everything = false;
let running = false;
let timer: NodeJS.Timeout | undefined;
async function flush() {
  if (running) return;
  running = true;
  try {
    while (pending.size > 0 || everything) {
      const files = [...pending];
      const all = everything;
      pending = new Set();
      everything = false;
      print(all ? await content.checkAll() : await content.recheck(files));
      // A fixed post both reaches contentlayer and leaves the report: the report follows contentlayer's output,
      // so the page updates once (two changes a moment apart made next dev render it twice).
      const waiting = nextGeneration(3_000);
      if (content.syncMirror().length > 0) await waiting;
      content.writeReport();
    }
  } catch (error) {
    console.error(`✖ content check failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    running = false;
  }
}
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => void flush(), 50);
}
/**
 * Calls `changed` with the path of each file created, changed or removed under `root`. One watcher per folder:
 * Node's recursive watcher on Linux lost files an editor had replaced (sed -i, atomic saves) and never reported
 * their deletion; a folder's own watcher reports every entry that comes or goes.
 */
function watchTree(root: string, changed: (file: string | undefined) => void) {
  const isFolder = (file: string) => {
    try {
      return statSync(file).isDirectory();
    } catch {
      return false;
    }
  };
  const watched = new Set<string>();
  const add = (dir: string) => {
    if (watched.has(dir)) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
      const watcher = watch(dir, (_event, name) => {
        const file = name ? path.join(dir, name.toString()) : undefined;
        if (file && !watched.has(file) && isFolder(file)) add(file);
        changed(file);
      });
      watcher.on("error", () => watched.delete(dir));
      watched.add(dir);
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) add(path.join(dir, entry.name));
  };
  add(root);
}
watchTree(content.postsDir, (file) => {
  if (!file) everything = true;
  else pending.add(file);
  schedule();
});
// Images live in public/: adding or removing one changes which posts are right.
watchTree(path.join(cwd, "public"), () => {
  everything = true;
  schedule();
});

const require = createRequire(import.meta.url);
const children: ChildProcess[] = [];
let stopping = false;

function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  const force = setTimeout(() => process.exit(code), 5_000);
  force.unref();
  Promise.all(
    children.map(
      (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve))),
    ),
  ).then(() => process.exit(code));
}

function start(name: string, args: string[], env: NodeJS.ProcessEnv, filter?: (text: string) => boolean): ChildProcess {
  const child = spawn(process.execPath, args, { cwd, env, stdio: filter ? ["ignore", "pipe", "pipe"] : "inherit" });
  if (filter) {
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = "";
      stream.on("data", (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split("\n");
        rest = lines.pop()!;
        for (const text of lines) if (filter(text)) console.log(`${name}: ${text}`);
      });
    }
  }
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping npm run dev`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

// contentlayer takes its project folder from PWD; it reads the mirror, and says little worth repeating.
start(
  "contentlayer",
  // The package exports no path to its command line; it sits where npm installs it.
  [path.join(cwd, "node_modules", "contentlayer2", "bin", "cli.cjs"), "dev"],
  { ...process.env, PWD: cwd, CONTENT_DIR: mirrorDir },
  (text) => {
    if (/Generated \d+ documents? in \.contentlayer/.test(text)) {
      for (const resolve of generated.splice(0)) resolve();
      return false;
    }
    return Boolean(text.trim()) && !/^File (updated|deleted): /.test(text.trim());
  },
);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => stop(0));

// The islands' browser code, rebuilt when a component changes; the pages import it, so next dev waits for the first.
const islandsBuilt = new Promise<void>((resolve) =>
  start(
    "islands",
    [path.join(cwd, "node_modules", "tsx", "dist", "cli.mjs"), path.join("scripts", "build-islands.ts"), "--watch"],
    process.env,
    (text) => {
      if (/^[✓✖] islands/.test(text)) resolve();
      return Boolean(text.trim());
    },
  ),
);
await islandsBuilt;

// A fresh clone has no generated posts yet: next dev starts once contentlayer wrote them, so the first page
// does not fail on a missing module.
if (!existsSync(path.join(cwd, ".contentlayer", "generated", "index.mjs"))) await nextGeneration(120_000);
if (!stopping) start("next", [require.resolve("next/dist/bin/next"), "dev", ...process.argv.slice(2)], process.env);
