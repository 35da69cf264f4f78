import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// Imports run one way: tests → tooling → product. A pattern matches a relative path and the `@/` alias alike.
const into = (folder, message) => ({ regex: `(^|/)${folder}(/|$)`, message });
const toTooling = into(
  "tooling",
  "The product never imports tooling (bench, drill, fixtures, fakes): move what both need into lib/.",
);
const toTests = into("tests", "Only tests import tests: move a helper the tooling needs into tooling/shared/.");
const toBench = into("bench", "The drills and the benchmarks share code only through tooling/shared/.");
const toDrill = into("drill", "The drills and the benchmarks share code only through tooling/shared/.");
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-fixture/**",
    ".fixture/**",
    ".contentlayer/**",
    ".data/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    "lib/islands/generated.ts",
    "public/islands/**",
  ]),
  {
    name: "boundaries/product",
    files: [
      "app/**",
      "components/**",
      "lib/**",
      "scripts/**",
      "proxy.ts",
      "instrumentation.ts",
      "next.config.ts",
      "contentlayer.config.ts",
    ],
    rules: restrict(toTooling, toTests),
  },
  { name: "boundaries/tooling-shared", files: ["tooling/shared/**"], rules: restrict(toTests, toBench, toDrill) },
  { name: "boundaries/tooling-bench", files: ["tooling/bench/**"], rules: restrict(toTests, toDrill) },
  { name: "boundaries/tooling-drill", files: ["tooling/drill/**"], rules: restrict(toTests, toBench) },
  { name: "boundaries/tooling-fixture", files: ["tooling/fixture/**"], rules: restrict(toTests, toBench, toDrill) },
  { name: "boundaries/tooling-deploy", files: ["tooling/deploy/**"], rules: restrict(toTests, toBench, toDrill) },
]);
