/**
 * A problem the content check found, in one shape for the build (`npm run content`), `npm run dev` (terminal and
 * browser) and the tests: the file, where in it (lines count from the top of the file, frontmatter included), and a
 * message that says what is wrong and what to do.
 */

export type ProblemSeverity = "error" | "warning";

export type ContentProblem = {
  /** The file as the author knows it: relative to the project when inside it (`content/posts/x.mdx`), else absolute. */
  file: string;
  line?: number;
  column?: number;
  /** Other files the problem is about (two posts with one slug, one series part): it holds them back in dev too. */
  others?: string[];
  message: string;
  /** Errors stop the build and hold back the post in `npm run dev`; warnings are printed and change nothing. */
  severity: ProblemSeverity;
};

/** `content/posts/x.mdx:17:1: MDX syntax error: …`, the line every tool prints. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `:${problem.line}${problem.column ? `:${problem.column}` : ""}` : "";
  const label = problem.severity === "warning" ? "warning: " : "";
  return `${[problem.file, ...(problem.others ?? [])].join(", ")}${where}: ${label}${problem.message}`;
}

export function errorsOf(problems: readonly ContentProblem[]): ContentProblem[] {
  return problems.filter((problem) => problem.severity === "error");
}

export function warningsOf(problems: readonly ContentProblem[]): ContentProblem[] {
  return problems.filter((problem) => problem.severity === "warning");
}

/** In file order, then by line and column, so a file's problems read top to bottom. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.message.localeCompare(b.message),
  );
}

/** The same problem found twice (one file checked again, a cross-file problem seen from both files) is one line. */
export function uniqueProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.severity} ${formatProblem(problem)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
