/**
 * `npm run enquiries [-- --limit 50] [-- --json]`: the recent enquiries, a table of enquiries per source
 * article, and the funnel from enquiry to booked call per source article and per month. Reads DATABASE_URL
 * like the server.
 *
 *   --held              the enquiries stored but not emailed (a limit tripped): likely-real first, with why
 *   --send-digest       email the held digest (the same list) to the owner now, whatever the hour
 *   --spam              the spam kept for review, with the reason each was caught
 *   --release <id>      a held (or spam) enquiry is real: email it to the owner now
 *   --mark-spam <id>    a held or unsent enquiry is spam: never email it
 */
import "./load-env";

import { parseArgs } from "node:util";

import { deliverEnquiry } from "../lib/contact/delivery";
import { describeHeldReason } from "../lib/contact/digest";
import { formatHeldReview, loadHeldReview } from "../lib/contact/held-review";
import { buildReport, formatReport, formatReview } from "../lib/contact/report";
import { createContactRuntime } from "../lib/contact/runtime";
import { generatedPostFinder } from "../lib/content/generated-posts";
import { ConfigError, getEnv } from "../lib/env";
import { createSubscriberStore } from "../lib/newsletter/store";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    limit: { type: "string", default: "20" },
    held: { type: "boolean", default: false },
    "send-digest": { type: "boolean", default: false },
    spam: { type: "boolean", default: false },
    release: { type: "string" },
    "mark-spam": { type: "string" },
  },
});
const limit = Number.parseInt(values.limit, 10);
if (!Number.isInteger(limit) || limit < 1) {
  console.error(`--limit must be a positive whole number (got "${values.limit}")`);
  process.exit(2);
}

try {
  const runtime = createContactRuntime(getEnv(), { findPost: generatedPostFinder() });
  const { store } = runtime;
  const subscriberStore = createSubscriberStore({
    url: runtime.env.DATABASE_URL,
    authToken: runtime.env.DATABASE_AUTH_TOKEN,
  });
  try {
    if (values.release) {
      const released = await store.release(values.release, new Date());
      if (!released) {
        console.error(
          `✖ No held or spam enquiry has the id ${values.release} (see npm run enquiries -- --held or --spam).`,
        );
        process.exitCode = 1;
      } else {
        const outcome = await deliverEnquiry(released.id, runtime.delivery);
        console.log(
          outcome.status === "sent"
            ? `✓ Released ${released.id} (${released.name}) and emailed it (${outcome.where}).`
            : `Released ${released.id}; the email ${outcome.status === "failed" ? `failed (${outcome.error}); npm run enquiries:retry will try again` : "is already being sent"}.`,
        );
      }
    } else if (values["mark-spam"]) {
      const marked = await store.markSpam(values["mark-spam"]);
      if (!marked) {
        console.error(`✖ No held or unsent enquiry has the id ${values["mark-spam"]}.`);
        process.exitCode = 1;
      } else
        console.log(
          `✓ ${marked.id} (${marked.name}) marked as spam: it will not be emailed, and is deleted with the spam after 30 days.`,
        );
    } else if (values["send-digest"]) {
      const outcome = await runtime.sendHeldDigest({ force: true });
      if (outcome.status === "sent")
        console.log(
          `✓ Held digest sent to ${runtime.env.CONTACT_TO_EMAIL} through the ${runtime.mailer.description}: ${outcome.listed} of ${outcome.held} held enquiries listed, likely-real first.`,
        );
      else if (outcome.status === "skipped") console.log("Nothing is held: no digest to send.");
      else {
        console.error(`✖ The held digest was not sent: ${outcome.error}`);
        process.exitCode = 1;
      }
    } else if (values.held) {
      const review = await loadHeldReview(store, { limit, now: new Date() });
      console.log(values.json ? JSON.stringify({ held: review }, null, 2) : formatHeldReview(review));
    } else if (values.spam) {
      const rows = await store.recent(limit, { status: "spam" });
      const spamCounts = await store.spamCounts(new Date(Date.now() - 30 * 24 * 60 * 60_000));
      if (values.json) console.log(JSON.stringify({ spam: rows, spamCounts }, null, 2));
      else
        console.log(
          formatReview(`Spam (latest ${limit}, times in UTC)`, rows, { describeHeld: describeHeldReason, spamCounts }),
        );
    } else {
      const [recent, bySource, totals, subscribers, funnel] = await Promise.all([
        store.recent(limit),
        store.countsBySource(),
        store.countsByStatus(),
        subscriberStore.countsBySource(),
        store.funnelCounts(),
      ]);
      const report = buildReport(
        { recent, bySource, totals, subscribers, funnel },
        { findPost: runtime.delivery.findPost },
      );
      console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    }
  } finally {
    store.close();
    subscriberStore.close();
  }
} catch (error) {
  console.error(
    `✖ ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
