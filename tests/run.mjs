#!/usr/bin/env node
/**
 * `npm test`: unit and integration tests (vitest), the two builds, then the end-to-end tests (Playwright), and one
 * closing line a CI log can be read by: `N passed, N failed, N skipped`, for unit and e2e together.
 *
 * Each stage runs even when an earlier test stage failed (a unit failure should not hide the e2e picture), but the
 * end-to-end tests need both builds: a failed build is counted as one failure and skips them. The slowest tests are
 * listed against their timeouts, and any that used more than half of it is flagged: on a busy 2-core CI machine such
 * a test fails at random.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const reportDir = mkdtempSync(path.join(tmpdir(), "test-run-"));
const vitestJson = path.join(reportDir, "vitest.json");
const playwrightJson = path.join(reportDir, "playwright.json");
const started = Date.now();
/** vitest.config.ts `testTimeout`; vitest's JSON report does not carry it. */
const UNIT_TIMEOUT_MS = 60_000;

/** Runs a command with inherited output; resolves to its exit code (never rejects). */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", (error) => {
      console.error(`${command} ${args.join(" ")}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Vitest's JSON report: one entry per test file, each with its tests' statuses and durations. */
function vitestCounts(report) {
  const counts = { passed: 0, failed: 0, skipped: 0, tests: [] };
  for (const file of report?.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === "passed") counts.passed += 1;
      else if (test.status === "failed") counts.failed += 1;
      else counts.skipped += 1;
      counts.tests.push({
        title: `${path.relative(process.cwd(), file.name)} › ${test.fullName}`,
        duration: test.duration ?? 0,
        timeout: UNIT_TIMEOUT_MS,
      });
    }
  }
  // A file that fails to load has no assertions but must still count as a failure.
  for (const file of report?.testResults ?? []) {
    if (file.status === "failed" && (file.assertionResults ?? []).length === 0) counts.failed += 1;
  }
  return counts;
}

/** Playwright's JSON report: suites nest; each test carries its timeout and its results (one per retry). */
function playwrightCounts(report) {
  const counts = { passed: 0, failed: 0, skipped: 0, tests: [] };
  const visit = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const status = test.status; // expected | unexpected | flaky | skipped
        if (status === "expected" || status === "flaky") counts.passed += 1;
        else if (status === "skipped") counts.skipped += 1;
        else counts.failed += 1;
        const duration = Math.max(0, ...(test.results ?? []).map((result) => result.duration ?? 0));
        counts.tests.push({
          title: [...trail, spec.title].filter(Boolean).join(" › "),
          duration,
          timeout: test.timeout ?? 0,
        });
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...trail, child.title]);
  };
  for (const suite of report?.suites ?? []) visit(suite, []);
  for (const error of report?.errors ?? []) {
    console.error(`Playwright error: ${error.message ?? JSON.stringify(error)}`);
    counts.failed += 1;
  }
  return counts;
}

function listSlowest(label, tests) {
  const slowest = [...tests].sort((a, b) => b.duration - a.duration).slice(0, 5);
  if (slowest.length === 0) return;
  console.log(`\nSlowest ${label} tests (duration / timeout):`);
  for (const test of slowest) {
    const share = test.timeout ? test.duration / test.timeout : 0;
    const flag = share > 0.5 ? "  ← over half its timeout" : "";
    console.log(`  ${seconds(test.duration)} / ${seconds(test.timeout)}  ${test.title}${flag}`);
  }
}

const unitCode = await run("npm", [
  "run",
  "test:unit",
  "--",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const unit = vitestCounts(readJson(vitestJson));
if (unitCode !== 0 && unit.failed === 0) unit.failed = 1; // the content step or vitest itself failed before any test ran

let buildFailures = 0;
let e2e = { passed: 0, failed: 0, skipped: 0, tests: [] };
for (const script of ["build:fixture", "build"]) {
  const code = await run("npm", ["run", script]);
  if (code !== 0) {
    console.error(`\nnpm run ${script} failed (exit ${code}): the end-to-end tests need it and were not run.`);
    buildFailures += 1;
    break;
  }
}
if (buildFailures === 0) {
  const e2eCode = await run("npx", ["playwright", "test"], { E2E_JSON_REPORT: playwrightJson });
  e2e = playwrightCounts(readJson(playwrightJson));
  if (e2eCode !== 0 && e2e.failed === 0) e2e.failed = 1;
}

listSlowest("unit", unit.tests);
listSlowest("end-to-end", e2e.tests);
rmSync(reportDir, { recursive: true, force: true });

const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + buildFailures;
const skipped = unit.skipped + e2e.skipped;
console.log(
  `\nunit ${unit.passed}/${unit.failed}/${unit.skipped}, end-to-end ${e2e.passed}/${e2e.failed}/${e2e.skipped} (passed/failed/skipped), builds ${buildFailures ? "failed" : "ok"}, ${seconds(Date.now() - started)}`,
);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
