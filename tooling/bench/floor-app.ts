/**
 * Builds the framework floor (tooling/bench/floor: one static page, no client component of ours) with this
 * project's Next. Given an article's markup, it also gets `/article`: a bare Next page holding that same
 * markup (as the one element a static page can hand React), the framework's floor for that content.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { timed } from "../shared/proc";
import { linkNodeModules, ROOT, WORK } from "../shared/workspace";

export function buildFloorApp(articleHtml?: string): string {
  const dir = path.join(WORK, "floor");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(ROOT, "tooling", "bench", "floor", "app"), path.join(dir, "app"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "floor", private: true, type: "module" }));
  writeFileSync(path.join(dir, "next.config.mjs"), "export default { poweredByHeader: false };\n");
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        lib: ["dom", "esnext"],
        strict: true,
        noEmit: true,
        module: "esnext",
        moduleResolution: "bundler",
        jsx: "react-jsx",
        isolatedModules: true,
        skipLibCheck: true,
        plugins: [{ name: "next" }],
      },
      include: ["**/*.ts", "**/*.tsx"],
    }),
  );
  if (articleHtml !== undefined) {
    mkdirSync(path.join(dir, "app", "article"), { recursive: true });
    writeFileSync(
      path.join(dir, "app", "article", "page.tsx"),
      `const html = ${JSON.stringify(articleHtml)};\n\nexport default function Article() {\n  return <main dangerouslySetInnerHTML={{ __html: html }} />;\n}\n`,
    );
  }
  linkNodeModules(dir);
  const build = timed(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: dir });
  if (build.status !== 0) throw new Error(`floor build failed:\n${build.output.slice(-3000)}`);
  return dir;
}
