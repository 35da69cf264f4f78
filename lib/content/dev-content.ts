import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { allProblems, checkPostFile, listPostFiles, type PostFileCheck } from "./check";
import { checkReport, writeCheckReport, type CheckReport } from "./check-report";
import { formatProblem, type ContentProblem } from "./problems";

/**
 * The content check of `npm run dev` (scripts/dev.ts): it checks every post at start and each file again when it
 * is saved, and keeps two things in step with the result. contentlayer reads a copy of the posts folder (the
 * mirror) holding only the versions that passed, so a mistake never reaches it (it would stop every page, or let
 * a bad date through) and the last good version of each post keeps rendering; the report (check-report.ts) tells
 * the site which posts to show as problems instead.
 */

export type DevCheckUpdate = {
  /** Files checked in this round, as shown to the author. */
  checked: string[];
  /** Problems that were not there before this round (errors and warnings), to print once. */
  added: ContentProblem[];
  /** Checked files that had errors before this round and have none now. */
  fixed: string[];
  /** Checked files whose errors did not change (saved again without a fix). */
  unchanged: { file: string; errors: number }[];
  /** Every current problem. */
  problems: ContentProblem[];
};

export class DevContent {
  private checks = new Map<string, PostFileCheck>();
  /** The text each file had when last checked: an editor's second write of the same text is not a new save. */
  private texts = new Map<string, string>();
  /** Body problems of the last check of each body (check.ts); emptied when everything is checked again. */
  private bodies = new Map<string, { key: string; problems: ContentProblem[] }>();
  private problems: ContentProblem[] = [];
  readonly postsDir: string;

  constructor(
    readonly options: { contentDir: string; mirrorDir: string; cwd: string },
  ) {
    this.postsDir = path.join(options.contentDir, "posts");
  }

  /** Checks every file (at start, and when something outside the posts, such as public/, changed). */
  async checkAll(): Promise<DevCheckUpdate> {
    // Something outside the posts may have changed (an image in public/): check the bodies again too.
    this.bodies.clear();
    return this.recheck([...this.checks.keys()], { force: true });
  }

  /**
   * Checks these files again (a deleted one is dropped), and any file that appeared in or left the posts folder
   * meanwhile (a file watcher can miss the deletion of a file an editor replaced), then the rules across files.
   */
  async recheck(paths: readonly string[], { force = false } = {}): Promise<DevCheckUpdate> {
    const listed = await listPostFiles(this.postsDir);
    const absolutePaths = new Set([
      ...paths,
      ...listed.filter((file) => !this.checks.has(file)),
      ...[...this.checks.keys()].filter((file) => !listed.includes(file)),
    ]);
    const before = new Set(this.problems.map(key));
    const errorsBefore = new Map<string, string[]>();
    for (const problem of this.problems) {
      if (problem.severity !== "error") continue;
      for (const file of [problem.file, ...(problem.others ?? [])]) {
        errorsBefore.set(file, [...(errorsBefore.get(file) ?? []), key(problem)]);
      }
    }
    const checked: string[] = [];
    for (const file of absolutePaths) {
      if (!file.startsWith(this.postsDir + path.sep)) continue;
      let text: string | undefined;
      try {
        text = path.basename(file).startsWith(".") ? undefined : readFileSync(file, "utf8");
      } catch {
        text = undefined;
      }
      if (text === undefined) {
        this.checks.delete(file);
        this.texts.delete(file);
        continue;
      }
      if (!force && this.checks.has(file) && this.texts.get(file) === text) continue;
      this.texts.set(file, text);
      const check = await checkPostFile(file, { contentDir: this.options.contentDir, cwd: this.options.cwd, bodies: this.bodies });

      this.checks.set(file, check);
      checked.push(check.file);
    }
    this.problems = allProblems([...this.checks.values()]);
    const errorsNow = new Map<string, string[]>();
    for (const problem of this.problems) {
      if (problem.severity !== "error") continue;
      for (const file of [problem.file, ...(problem.others ?? [])]) {
        errorsNow.set(file, [...(errorsNow.get(file) ?? []), key(problem)]);
      }
    }
    const added = this.problems.filter((problem) => !before.has(key(problem)));
    return {
      checked,
      added,
      fixed: checked.filter((file) => errorsBefore.has(file) && !errorsNow.has(file)),
      unchanged: checked
        .filter((file) => errorsNow.has(file) && sameList(errorsBefore.get(file), errorsNow.get(file)))
        .map((file) => ({ file, errors: errorsNow.get(file)!.length })),
      problems: this.problems,
    };
  }

  report(): CheckReport {
    return checkReport([...this.checks.values()], this.problems);
  }

  /**
   * Brings the mirror in step: every post without errors as it is now; a post with errors keeps the copy it has
   * (its last good version, from this session or the one before); a deleted post goes. Returns what it wrote.
   */
  syncMirror(): string[] {
    const held = new Set(this.report().held.map((entry) => entry.sourcePath));
    const mirrored: string[] = [];
    const wanted = new Set<string>();
    for (const check of this.checks.values()) {
      if (!check.sourcePath.endsWith(".mdx")) continue;
      wanted.add(check.sourcePath);
      if (held.has(check.sourcePath)) continue;
      const target = path.join(this.options.mirrorDir, check.sourcePath);
      let text: string;
      try {
        text = readFileSync(path.join(this.options.contentDir, check.sourcePath), "utf8");
      } catch {
        continue;
      }
      if (existsSync(target) && readFileSync(target, "utf8") === text) continue;
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
      mirrored.push(check.sourcePath);
    }
    for (const stale of listMirror(path.join(this.options.mirrorDir, "posts"))) {
      const sourcePath = path.relative(this.options.mirrorDir, stale).split(path.sep).join("/");
      if (!wanted.has(sourcePath)) {
        rmSync(stale, { force: true });
        mirrored.push(sourcePath);
      }
    }
    return mirrored;
  }

  /** Writes the report the site reads; false when it did not change. */
  writeReport(): boolean {
    return writeCheckReport(this.report(), this.options.cwd);
  }
}

function key(problem: ContentProblem): string {
  return `${problem.severity} ${formatProblem(problem)}`;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return Boolean(a && b && a.length === b.length && a.every((item, index) => item === b[index]));
}

function listMirror(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}
