/**
 * `npm run enquiries:purge`: deletes real enquiries older than
 * CONTACT_RETENTION_DAYS (default 365) and spam older than 30 days, as the
 * form's privacy note promises. The scheduled retry endpoint applies the same
 * periods on every run; this is for hosts without a scheduler.
 */
import "./load-env";

import { createContactRuntime } from "../lib/contact/runtime";
import { generatedPostFinder } from "../lib/content/generated-posts";
import { ConfigError, getEnv } from "../lib/env";

try {
  const runtime = createContactRuntime(getEnv(), { findPost: generatedPostFinder() });
  try {
    const purged = await runtime.purge();
    console.log(
      `Deleted ${purged.real} enquiries older than ${runtime.env.CONTACT_RETENTION_DAYS} days and ${purged.spam} spam older than 30 days (${purged.spamCounts} hourly spam counts).`,
    );
  } finally {
    runtime.store.close();
  }
} catch (error) {
  console.error(
    `✖ ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
