import path from "node:path";

import { describe, expect, it } from "vitest";

import { findCycles, importGraph, projectCompilerOptions, sourceFiles, type SourceHost } from "../support/import-graph";

/**
 * No import circles in the product (app/, components/, lib/, pages/, scripts/): a circle means two modules that
 * cannot be read, tested or moved apart. The graph is drawn from the code with TypeScript's own resolver.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const PRODUCT = ["app", "components", "lib", "pages", "scripts"];
const options = projectCompilerOptions(root);

const show = (circle: readonly string[]) => circle.map((file) => path.relative(root, file)).join(" → ");

/** A graph of in-memory files placed in the project, so `@/` and relative imports resolve as in the real tree. */
function probe(files: Record<string, string>) {
  const absolute = new Map(Object.entries(files).map(([name, code]) => [path.join(root, name), code]));
  const host: SourceHost = {
    fileExists: (file) => absolute.has(file),
    readFile: (file) => absolute.get(file),
  };
  return findCycles(importGraph([...absolute.keys()], options, host)).map(show);
}

describe("import circles", () => {
  it("the product has none", () => {
    const files = sourceFiles(root, PRODUCT);
    expect(files.length).toBeGreaterThan(100);
    const graph = importGraph(files, options);
    // The graph is real: lib/newsletter/runtime.ts imports the newsletter store through a relative path.
    expect(graph.get(path.join(root, "lib/newsletter/runtime.ts"))).toContain(
      path.join(root, "lib/newsletter/store.ts"),
    );
    expect(findCycles(graph).map(show)).toEqual([]);
  });

  it("finds a circle through @/ paths, relative paths, index files and type-only imports, and prints its path", () => {
    expect(
      probe({
        "lib/probe/a.ts": 'import { b } from "@/lib/probe/b";\nexport const a = b;\n',
        "lib/probe/b.ts": 'import type { C } from "./c";\nexport const b = 1 as unknown as C;\n',
        "lib/probe/c/index.tsx": 'export type { A } from "../a";\nexport type C = number;\n',
        "lib/probe/free.ts": 'import { a } from "./a";\nimport { z } from "zod";\nexport const free = [a, z];\n',
      }),
    ).toEqual(["lib/probe/a.ts → lib/probe/b.ts → lib/probe/c/index.tsx → lib/probe/a.ts"]);
  });

  it("finds a file that imports itself, and a dynamic import, and keeps two separate circles apart", () => {
    expect(
      probe({
        "lib/probe/self.ts": 'export const self = 1;\nexport { self as again } from "./self";\n',
        "app/probe/page.tsx": 'export default async function P() { return (await import("./view")).view; }\n',
        "app/probe/view.ts": 'import "@/app/probe/page";\nexport const view = 1;\n',
      }),
    ).toEqual(["app/probe/page.tsx → app/probe/view.ts → app/probe/page.tsx", "lib/probe/self.ts → lib/probe/self.ts"]);
  });

  it("leaves a graph without circles alone", () => {
    expect(
      probe({
        "lib/probe/a.ts": 'import { b } from "./b";\nimport type { C } from "./c";\nexport const a: C = b;\n',
        "lib/probe/b.ts": 'import type { C } from "./c";\nexport const b: C = 1;\n',
        "lib/probe/c.ts": "export type C = number;\n",
      }),
    ).toEqual([]);
  });
});
