import { defineConfig, devices } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * End-to-end tests run against the production build (`npm run build` first)
 * served by `next start` on a free port on 127.0.0.1. Debian's Chromium is
 * used when present (or CHROMIUM_PATH); elsewhere Playwright's own browser.
 */

function freePort(): string {
  return execFileSync(process.execPath, [
    "-e",
    "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}

// Chosen once by the runner; workers inherit them through the environment.
process.env.E2E_PORT ??= freePort();
process.env.E2E_FIXTURE_PORT ??= freePort();
const port = process.env.E2E_PORT;
const fixturePort = process.env.E2E_FIXTURE_PORT;
export const baseURL = `http://127.0.0.1:${port}`;

// The second build of 45 synthetic posts (`npm run build:fixture`), for pagination at scale.
const FIXTURE_DIST_DIR = ".next-fixture";
const hasFixtureBuild = existsSync(`${FIXTURE_DIST_DIR}/BUILD_ID`);
if (hasFixtureBuild) process.env.E2E_FIXTURE_URL = `http://127.0.0.1:${fixturePort}`;

const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (candidate): candidate is string => Boolean(candidate && existsSync(candidate)),
);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 45_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        ...(isRoot ? ["--no-sandbox"] : []),
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${port}`,
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { ...process.env, NODE_ENV: "production", PORT: port } as Record<string, string>,
    },
    ...(hasFixtureBuild
      ? [
          {
            command: `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${fixturePort}`,
            url: `http://127.0.0.1:${fixturePort}/`,
            reuseExistingServer: false,
            timeout: 60_000,
            stdout: "ignore" as const,
            stderr: "pipe" as const,
            env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: FIXTURE_DIST_DIR } as Record<string, string>,
          },
        ]
      : []),
  ],
});
