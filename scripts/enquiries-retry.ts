/**
 * `npm run enquiries:retry [-- --now] [--pause-ms 600]`: resends every unsent
 * enquiry that is due (see lib/contact/retry.ts). `--now` ignores the backoff
 * schedule, e.g. after fixing RESEND_API_KEY. `--pause-ms` spaces the sends
 * (default 600 ms, within Resend's default rate limit; the drills use 0 against
 * the fake provider). Exits 1 when something is still unsent.
 */
import "./load-env";

import { parseArgs } from "node:util";

import { createContactRuntime } from "../lib/contact/runtime";
import { generatedPostFinder } from "../lib/content/generated-posts";
import { ConfigError, getEnv } from "../lib/env";

const { values } = parseArgs({
  options: { now: { type: "boolean", default: false }, "pause-ms": { type: "string" }, limit: { type: "string" } },
});
const pauseMs = values["pause-ms"] === undefined ? undefined : Number(values["pause-ms"]);
const limit = values.limit === undefined ? undefined : Number(values.limit);
for (const [flag, value] of [
  ["--pause-ms", pauseMs],
  ["--limit", limit],
] as const) {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    console.error(`✖ ${flag} must be a whole number of at least 0`);
    process.exit(2);
  }
}

try {
  const runtime = createContactRuntime(getEnv(), { findPost: generatedPostFinder() });
  try {
    console.log(
      `Retrying unsent enquiries through the ${runtime.mailer.description}${values.now ? " (ignoring the backoff schedule)" : ""}…`,
    );
    const summary = await runtime.retry({
      ignoreSchedule: values.now,
      ...(pauseMs === undefined ? {} : { pauseMs }),
      ...(limit === undefined ? {} : { limit }),
    });
    for (const result of summary.results) {
      console.log(
        result.status === "failed"
          ? `  ✗ ${result.id}  ${result.error}`
          : `  ${result.status === "sent" ? "✓" : "·"} ${result.id}  ${result.status}`,
      );
    }
    const totals = await runtime.store.countsByStatus();
    const waiting = totals.pending + totals.failed;
    const stopped =
      summary.stoppedEarly === "rate-limited" ? " Stopped early: the provider asked us to slow down (429)." : "";
    console.log(
      `Done: ${summary.due} due, ${summary.sent} sent, ${summary.failed} failed.${stopped} ${waiting === 0 ? "Every enquiry has been emailed." : `${waiting} still unsent${values.now ? "" : " (use --now to ignore their backoff)"}.`}`,
    );
    process.exitCode = waiting === 0 ? 0 : 1;
  } finally {
    runtime.store.close();
  }
} catch (error) {
  console.error(
    `✖ ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
