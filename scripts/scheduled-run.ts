/**
 * `npm run scheduled`: the scheduled run once, as the in-process scheduler and the cron route run it (lib/scheduled):
 * enquiries whose email failed and are due again, the held digest when due, the retention periods, and the
 * newsletter's unsent confirmations and list sync. For a host where the server's own scheduler is off
 * (SCHEDULER_ENABLED=false) and a system cron runs this instead. The lease in the database keeps it from running
 * beside another run. Exits 1 when a step failed.
 */
import "./load-env";

import { createContactRuntime } from "../lib/contact/runtime";
import { generatedPostFinder } from "../lib/content/generated-posts";
import { ConfigError, getEnv } from "../lib/env";
import { createNewsletterRuntime } from "../lib/newsletter/runtime";
import { retryNewsletter } from "../lib/newsletter/service";
import { createScheduledRunner } from "../lib/scheduled/runtime";

try {
  const env = getEnv();
  const findPost = generatedPostFinder();
  const contact = createContactRuntime(env, { findPost });
  const runner = createScheduledRunner({
    env,
    contact,
    newsletterRetry: async () => {
      const newsletter = await createNewsletterRuntime(env, { findPost }, contact);
      try {
        return await retryNewsletter(newsletter.deps);
      } finally {
        newsletter.store.close();
      }
    },
  });
  try {
    console.log(`Scheduled run through the ${contact.mailer.description}…`);
    const outcome = await runner.runOnce("script", { budgetMs: 10 * 60_000 });
    if (!outcome.ran) {
      console.log(`Not run: ${outcome.reason}.`);
      process.exitCode = outcome.reason === "another run is in progress" ? 0 : 1;
    } else {
      process.exitCode = outcome.summary.ok ? 0 : 1;
    }
  } finally {
    runner.lease.close();
    contact.store.close();
  }
} catch (error) {
  console.error(
    `✖ ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
