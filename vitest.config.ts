import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "contentlayer/generated": path.join(root, ".contentlayer/generated"),
    },
  },
  test: {
    environment: "node",
    include: [
      "tests/unit/**/*.test.ts",
      "tests/unit/**/*.test.tsx",
      "tests/integration/**/*.test.ts",
      "tests/integration/**/*.test.tsx",
    ],
    // The slowest tests spawn the operator scripts (tsx) several times: 15 s on a 2-core machine busy with builds.
    // 60 s keeps 2x headroom even when CI shares the machine; `npm test` lists any test that passes half of it.
    testTimeout: 60_000,
    pool: "forks",
  },
});
