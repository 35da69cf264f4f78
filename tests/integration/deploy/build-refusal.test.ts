import { execFile } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { promisify } from "node:util";

import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
// Its own build folder, should anything be written before the check stops the build.
const DIST = ".next-refusal-test";

afterAll(() => rmSync(DIST, { recursive: true, force: true }));

/** `next build` as Vercel runs it (VERCEL=1), stopped by next.config.ts before anything is compiled. */
async function nextBuild(env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: DIST,
        ...env,
      },
      timeout: 45_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number | string; stdout: string; stderr: string; killed?: boolean };
    return { code: failed.killed ? "timeout" : failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("a production build on Vercel with a file database", () => {
  it("stops before compiling, naming DATABASE_URL and what to do, in the one configuration format", async () => {
    const result = await nextBuild({ VERCEL: "1", DATABASE_URL: "file:.data/enquiries.db" });
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      "✖ Invalid configuration — fix these environment variables (or your .env file) and build again:",
    );
    expect(result.output).toMatch(
      /DATABASE_URL: is a local file \(file:\.data\/enquiries\.db\), but Vercel does not keep files/,
    );
    expect(result.output).toContain("DATABASE_URL=libsql://<db>-<org>.turso.io and DATABASE_AUTH_TOKEN=<token>");
    expect(result.output).not.toContain("Creating an optimized production build");
    expect(result.output).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(`${DIST}/BUILD_ID`)).toBe(false);
  });
});
