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

// Inside the product, layers run one way too: routes (app/, pages/) → components/ → lib/. Only the `@/` alias or a
// relative path names one of this project's folders, so a package such as @react-email/components is not caught.
const intoLayer = (folder, message) => ({ regex: `^(@/|(\\.{1,2}/)+)${folder}(/|$)`, message });
const libToComponents = intoLayer(
  "components",
  "lib/ never imports components/: pass what lib needs in as a value, or move the shared code into lib/.",
);
const toRoutes = (folder) =>
  intoLayer(
    folder,
    `Only routes import ${folder}/: move what lib/ or components/ need (an action, a constant) into lib/ or beside the component.`,
  );
const toApp = toRoutes("app");
const toPages = toRoutes("pages");

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
      "pages/**",
      "scripts/**",
      "proxy.ts",
      "instrumentation.ts",
      "next.config.ts",
      "contentlayer.config.ts",
    ],
    rules: restrict(toTooling, toTests),
  },
  // One rule object per folder: a later block's no-restricted-imports replaces an earlier one's, it does not add to it.
  { name: "boundaries/components", files: ["components/**"], rules: restrict(toTooling, toTests, toApp, toPages) },
  {
    name: "boundaries/lib",
    files: ["lib/**"],
    rules: restrict(toTooling, toTests, libToComponents, toApp, toPages),
  },
  { name: "boundaries/tooling-shared", files: ["tooling/shared/**"], rules: restrict(toTests, toBench, toDrill) },
  { name: "boundaries/tooling-bench", files: ["tooling/bench/**"], rules: restrict(toTests, toDrill) },
  { name: "boundaries/tooling-drill", files: ["tooling/drill/**"], rules: restrict(toTests, toBench) },
  { name: "boundaries/tooling-fixture", files: ["tooling/fixture/**"], rules: restrict(toTests, toBench, toDrill) },
  { name: "boundaries/tooling-deploy", files: ["tooling/deploy/**"], rules: restrict(toTests, toBench, toDrill) },
]);
