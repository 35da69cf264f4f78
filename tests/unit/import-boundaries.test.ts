import path from "node:path";

import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The project's own ESLint configuration, run on small in-memory files placed where product, tooling and tests
 * live: an import against the direction tests → tooling → product, or inside the product against routes (app/,
 * pages/) → components/ → lib/, must be an error that fails `npm run lint`.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The no-restricted-imports errors (severity 2: what makes `eslint .` exit 1) ESLint reports for this file. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports" && m.severity === 2)
    .map((m) => m.message);
}

describe("import boundaries (eslint.config.mjs)", () => {
  it.each([
    ["lib/boundary-probe.ts", 'import { startFakeResend } from "../tooling/shared/fake-resend";'],
    ["lib/content/boundary-probe.ts", 'import { seededRandom } from "@/tooling/shared/seeded-random";'],
    ["app/blog/boundary-probe.tsx", 'import { runLoad } from "../../tooling/drill/load";'],
    ["components/post/boundary-probe.tsx", 'import { readSourcePosts } from "@/tests/support/content";'],
    ["scripts/boundary-probe.ts", 'import { generatePosts } from "../tooling/shared/generate-posts";'],
    ["pages/blog/boundary-probe.tsx", 'import { seededRandom } from "../../tooling/shared/seeded-random";'],
    ["proxy.ts", 'import type { FakeResend } from "./tooling/shared/fake-resend";'],
  ])("refuses tooling and tests in the product: %s", async (file, code) => {
    const messages = await restrictedImports(file, `${code}\nexport const probe = 1;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/product never imports tooling|Only tests import tests/);
  });

  it.each([
    ["tooling/drill/boundary-probe.ts", 'import { readSourcePosts } from "../../tests/support/content";', /Only tests/],
    [
      "tooling/drill/boundary-probe.ts",
      'import { timed } from "../bench/lib/timing";',
      /share code only through tooling\/shared/,
    ],
    [
      "tooling/bench/boundary-probe.ts",
      'import { enquiryRows } from "../drill/lib/server";',
      /share code only through tooling\/shared/,
    ],
    [
      "tooling/shared/boundary-probe.ts",
      'import { scanSite } from "../drill/lib/scan";',
      /share code only through tooling\/shared/,
    ],
  ])("keeps tooling off tests, and bench and drill apart: %s", async (file, code, message) => {
    const messages = await restrictedImports(file, `${code}\nexport const probe = 1;\n`);
    expect(messages).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ["lib/boundary-probe.ts", 'import { getEnv } from "./env";'],
    [
      "tooling/drill/boundary-probe.ts",
      'import { seededRandom } from "../shared/seeded-random";\nimport { getEnv } from "../../lib/env";',
    ],
    [
      "tests/unit/boundary-probe.ts",
      'import { runLoad } from "../../tooling/drill/load";\nimport { getEnv } from "@/lib/env";',
    ],
  ])("lets imports that follow the direction through: %s", async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const probe = 1;\n`)).toEqual([]);
  });

  it.each([
    [
      "lib/boundary-probe.ts",
      'import { SiteFooter } from "@/components/layout/site-footer";',
      /lib\/ never imports components/,
    ],
    [
      "lib/security/boundary-probe.ts",
      'import { ThemeScript } from "../../components/layout/inline-scripts";',
      /lib\/ never imports components/,
    ],
    [
      "lib/contact/boundary-probe.ts",
      'export { PostList } from "../../components/post/post-list";',
      /lib\/ never imports components/,
    ],
    [
      "lib/newsletter/boundary-probe.ts",
      'import { subscribe } from "@/app/newsletter/actions";',
      /Only routes import app\//,
    ],
    ["lib/boundary-probe.ts", 'import "../app/globals.css";', /Only routes import app\//],
    ["lib/boundary-probe.ts", 'import App from "@/pages/_app";', /Only routes import pages\//],
    [
      "components/layout/boundary-probe.tsx",
      'import { subscribe } from "@/app/newsletter/actions";',
      /Only routes import app\//,
    ],
    ["components/post/boundary-probe.tsx", 'import { serif } from "../../app/fonts";', /Only routes import app\//],
    ["components/boundary-probe.tsx", 'import App from "../pages/_app";', /Only routes import pages\//],
  ])("keeps the layers one way, routes → components → lib: %s %s", async (file, code, message) => {
    const messages = await restrictedImports(file, `${code}\nexport const probe = 1;\n`);
    expect(messages).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    [
      "lib/contact/boundary-probe.tsx",
      'import { Body } from "@react-email/components";\nimport { site } from "../site";',
    ],
    ["lib/boundary-probe.ts", 'import type { AppProps } from "next/app";\nimport { routes } from "@/lib/routes";'],
    [
      "components/post/boundary-probe.tsx",
      'import { PostList } from "./post-list";\nimport { SiteShell } from "@/components/layout/site-shell";\nimport { site } from "../../lib/site";',
    ],
    [
      "app/blog/boundary-probe.tsx",
      'import { PostList } from "@/components/post/post-list";\nimport { site } from "../../lib/site";\nimport { serif } from "../fonts";',
    ],
    [
      "pages/boundary-probe.tsx",
      'import "../app/globals.css";\nimport { SiteShell } from "@/components/layout/site-shell";\nimport { serif } from "@/app/fonts";',
    ],
  ])("lets routes use components and lib, and components use lib: %s", async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const probe = 1;\n`)).toEqual([]);
  });
});
