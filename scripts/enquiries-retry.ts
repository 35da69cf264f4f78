/**
 * `npm run enquiries:retry [-- --now]`: resends every unsent enquiry that is
 * due (see lib/contact/retry.ts). `--now` ignores the backoff schedule, e.g.
 * after fixing RESEND_API_KEY. Exits 1 when something is still unsent.
 */
import "./load-env";

import { parseArgs } from "node:util";

import { createContactRuntime } from "../lib/contact/runtime";
import { ConfigError, getEnv } from "../lib/env";

const { values } = parseArgs({ options: { now: { type: "boolean", default: false } } });

try {
  const runtime = createContactRuntime(getEnv());
  try {
    console.log(`Retrying unsent enquiries through the ${runtime.mailer.description}${values.now ? " (ignoring the backoff schedule)" : ""}…`);
    const summary = await runtime.retry({ ignoreSchedule: values.now });
    for (const result of summary.results) {
      console.log(result.status === "failed" ? `  ✗ ${result.id}  ${result.error}` : `  ${result.status === "sent" ? "✓" : "·"} ${result.id}  ${result.status}`);
    }
    const totals = await runtime.store.countsByStatus();
    const waiting = totals.pending + totals.failed;
    const stopped = summary.stoppedEarly === "rate-limited" ? " Stopped early: the provider asked us to slow down (429)." : "";
    console.log(`Done: ${summary.due} due, ${summary.sent} sent, ${summary.failed} failed.${stopped} ${waiting === 0 ? "Every enquiry has been emailed." : `${waiting} still unsent${values.now ? "" : " (use --now to ignore their backoff)"}.`}`);
    process.exitCode = waiting === 0 ? 0 : 1;
  } finally {
    runtime.store.close();
  }
} catch (error) {
  console.error(`✖ ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
