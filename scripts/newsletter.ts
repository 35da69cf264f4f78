/**
 * `npm run newsletter`: the subscriber list.
 *   (no flag)            counts by status and per source article
 *   --export [--out F]   the list as CSV (stdout, or file F)
 *   --delete <email>     deletes the address here and its contact in Resend (a data request)
 *   --purge              deletes sign-ups never confirmed within 7 days
 *   --retry [--now]      sends unsent confirmation emails, then the queued ones the email budgets allow, syncs
 *                        Resend, purges (= npm run newsletter:retry)
 * Reads DATABASE_URL, RESEND_API_KEY … like the server. Exits 1 when something is left undone.
 */
import "./load-env";

import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";

import { ConfigError, getEnv } from "../lib/env";
import { toCsv } from "../lib/newsletter/export";
import { NEWSLETTER_POLICY } from "../lib/newsletter/policy";
import { generatedPostFinder } from "../lib/content/generated-posts";
import { createNewsletterRuntime } from "../lib/newsletter/runtime";
import { retryNewsletter } from "../lib/newsletter/service";

const { values } = parseArgs({
  options: {
    export: { type: "boolean", default: false },
    out: { type: "string" },
    delete: { type: "string" },
    purge: { type: "boolean", default: false },
    retry: { type: "boolean", default: false },
    now: { type: "boolean", default: false },
    "pause-ms": { type: "string" },
  },
});
const pauseMs = values["pause-ms"] === undefined ? undefined : Number(values["pause-ms"]);
if (pauseMs !== undefined && (!Number.isInteger(pauseMs) || pauseMs < 0)) {
  console.error("✖ --pause-ms must be a whole number of at least 0");
  process.exit(2);
}

try {
  const runtime = await createNewsletterRuntime(getEnv(), { findPost: generatedPostFinder() });
  const { store, provider, deps } = runtime;
  try {
    if (values.export) {
      const csv = toCsv(await store.all());
      if (values.out) {
        await writeFile(values.out, csv, { encoding: "utf8", mode: 0o600 });
        console.error(`Wrote ${csv.split("\r\n").length - 2} subscribers to ${values.out}`);
      } else process.stdout.write(csv);
    } else if (values.delete !== undefined) {
      const deleted = await store.deleteByEmail(values.delete);
      const remote = await provider.removeContact(values.delete.trim());
      if (!remote.ok) {
        console.error(
          `✖ ${deleted ? "Deleted here" : "Not in the local database"}, but Resend refused to delete the contact: ${remote.error}. Run the command again.`,
        );
        process.exitCode = 1;
      } else {
        console.log(
          `${deleted ? `Deleted ${deleted.email} (${deleted.status}) from the local database` : "No such address in the local database"}; ${provider.remote ? "the contact is deleted in Resend" : "no Resend list (no RESEND_API_KEY)"}.`,
        );
      }
    } else if (values.purge) {
      const purged = await store.purgeUnconfirmed({
        now: new Date(),
        retentionMs: NEWSLETTER_POLICY.unconfirmedRetentionMs,
      });
      console.log(`Deleted ${purged} sign-up${purged === 1 ? "" : "s"} never confirmed within 7 days.`);
    } else if (values.retry) {
      console.log(
        `Newsletter: sending unsent confirmations and syncing the list through the ${provider.description}${values.now ? " (ignoring the backoff)" : ""}…`,
      );
      const summary = await retryNewsletter(deps, {
        ignoreSchedule: values.now,
        ...(pauseMs === undefined ? {} : { pauseMs }),
      });
      const { confirmations: c, queue: q, syncs: s } = summary;
      console.log(
        `Done: confirmations ${c.due} due, ${c.sent} sent, ${c.failed} failed; queued ${q.queued}, ${q.sent} sent now, ${q.waiting} waiting for budget; list sync ${s.due} due, ${s.synced} synced, ${s.failed} failed; ${summary.purged} stale sign-ups purged.${summary.stoppedEarly ? " Stopped early: the provider asked us to slow down (429)." : ""}`,
      );
      // Sign-ups still queued are not a failure: the email budget decides when they go, and the next run sends them.
      process.exitCode = c.failed + q.failed + s.failed > 0 || summary.stoppedEarly ? 1 : 0;
    } else {
      const [totals, bySource] = await Promise.all([store.countsByStatus(), store.countsBySource()]);
      console.log(
        `Subscribers: ${totals.confirmed} confirmed, ${totals.pending} pending, ${totals.unsubscribed} unsubscribed (${provider.description})`,
      );
      for (const row of bySource)
        console.log(
          `  ${String(row.confirmed).padStart(5)} confirmed  ${String(row.pending).padStart(4)} pending  ${row.sourceSlug ?? "(no article: footer or /newsletter)"}`,
        );
    }
  } finally {
    runtime.close();
  }
} catch (error) {
  console.error(
    `✖ ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
