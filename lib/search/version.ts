import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The search index's version: a hash of everything the index is made from, computed by next.config.ts before
 * `next build` compiles a line, so the dialog's bundle and the server already know the folder the index will be
 * written to after the build (the index itself is made from the prerendered pages, so it cannot come first).
 *
 * The index depends on the posts (CONTENT_DIR), the code that renders them (app/, components/, lib/, the
 * configuration files), the dependencies (package-lock.json: Pagefind's version among them), public/ and
 * SITE_URL. Any change to one of them gives a new version, so no two builds that could index differently share a
 * folder name, and the folder can be cached as immutable. Two builds of the same inputs share it, and readers
 * keep their cached index across such a redeploy.
 */

const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["package-lock.json", "next.config.ts", "contentlayer.config.ts", "tsconfig.json"];

type EnvSource = Readonly<Record<string, string | undefined>>;

function filesUnder(root: string, dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(path.join(root, dir));
  } catch {
    return; // an optional folder (public/) may be missing
  }
  for (const entry of entries) {
    if (entry.startsWith(".")) continue;
    const relative = path.join(dir, entry);
    if (statSync(path.join(root, relative)).isDirectory()) filesUnder(root, relative, out);
    else out.push(relative);
  }
}

/** The files the version covers, relative to `root`, in a stable order. */
export function searchIndexInputs(root: string, source: EnvSource = process.env): string[] {
  const files: string[] = [];
  for (const dir of [...SOURCE_DIRS, source.CONTENT_DIR || "content"]) filesUnder(root, dir, files);
  for (const file of SOURCE_FILES) {
    try {
      if (statSync(path.join(root, file)).isFile()) files.push(file);
    } catch {
      // not every checkout has every file
    }
  }
  return [...new Set(files)].sort();
}

export function computeSearchIndexVersion(root: string = process.cwd(), source: EnvSource = process.env): string {
  const hash = createHash("sha256");
  hash.update(`site-url:${source.SITE_URL?.trim() ?? ""}\n`);
  for (const file of searchIndexInputs(root, source)) {
    hash.update(`${file.split(path.sep).join("/")}\n`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\n");
  }
  return hash.digest("hex").slice(0, 16);
}
