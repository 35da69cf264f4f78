import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import ts from "typescript";

/**
 * The import graph of the product's own files, drawn from the code: every `import`, `export … from`, `import()` and
 * `import type` (type-only imports count: they were part of the circles found before), resolved the way the project
 * resolves them (tsconfig paths such as `@/`, relative paths, .ts/.tsx and index files). Bare packages and anything
 * outside the given files (node_modules, generated content) are left out.
 */

export type ImportGraph = Map<string, string[]>;

export type SourceHost = {
  fileExists(file: string): boolean;
  readFile(file: string): string | undefined;
};

const SOURCE = /\.(ts|tsx|mts|cts)$/;

/** Every .ts/.tsx file under the folders (relative to `root`), skipping declaration files. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(full);
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) found.push(full);
    }
  };
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) walk(dir);
  }
  return found.sort();
}

/** The graph over `files` (absolute paths): file → the files among them it imports, in source order. */
export function importGraph(
  files: readonly string[],
  options: ts.CompilerOptions,
  host: SourceHost = { fileExists: ts.sys.fileExists, readFile: ts.sys.readFile },
): ImportGraph {
  const inGraph = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const text = host.readFile(file) ?? "";
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const targets: string[] = [];
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, host).resolvedModule?.resolvedFileName;
      if (resolved && inGraph.has(resolved) && !targets.includes(resolved)) targets.push(resolved);
    }
    graph.set(file, targets);
  }
  return graph;
}

/**
 * The import circles of a graph, each as the path that closes it (`a → b → a`), one per strongly connected group
 * of files (Tarjan), starting from its first file in sorted order.
 */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];

  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      const selfImport = (graph.get(node) ?? []).includes(node);
      if (group.length > 1 || selfImport) groups.push(group);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);

  return groups
    .map((group) => shortestCircle(graph, new Set(group)))
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}

/** The shortest circle through the group's first file (breadth first, within the group). */
function shortestCircle(graph: ImportGraph, group: Set<string>): string[] {
  const start = [...group].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const circle = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at))
          circle.splice(1, 0, at);
        return [...circle, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** The project's compiler options (paths, module resolution) from its tsconfig.json. */
export function projectCompilerOptions(root: string): ts.CompilerOptions {
  const file = path.join(root, "tsconfig.json");
  const { config, error } = ts.readConfigFile(file, (name) => readFileSync(name, "utf8"));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, file).options;
}
