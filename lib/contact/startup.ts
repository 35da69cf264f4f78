import { ConfigError, getEnv } from "@/lib/env";

import type { FindPost } from "./email";
import { getContactRuntime, type ContactRuntime } from "./runtime";
import type { FormSecret } from "./secret";
import { describeDatabaseUrl } from "./store";

/**
 * Runs once when the server starts (instrumentation.ts): validates the
 * configuration so a bad value stops the server immediately, naming the
 * variable, and says plainly when enquiries will not be emailed.
 */
export async function checkContactConfiguration(
  findPost: FindPost,
  log: Pick<Console, "warn" | "error"> = console,
): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof ConfigError) log.error(`\n✖ ${error.message}\n`);
    throw error;
  }
  const runtime = getContactRuntime(findPost);
  // Read the shared form secret now, so the first form rendered does not wait for it. A database that is
  // down at start is not fatal: the blog still serves, and the secret is read on first use.
  let source: FormSecret["source"] | "unavailable" = "unavailable";
  try {
    source = (await runtime.formSecret()).source;
  } catch (error) {
    log.warn(
      `⚠ [contact] The enquiry database could not be read at start (${error instanceof Error ? error.message : String(error)}); the form will try again on first use.`,
    );
  }
  reportConfiguration({ env: runtime.env, mailer: runtime.mailer, secretSource: source }, log);
}

/** In production, one clear warning when enquiries will not be emailed. */
export function reportConfiguration(
  {
    env,
    mailer,
    secretSource,
  }: Pick<ContactRuntime, "env" | "mailer"> & { secretSource: FormSecret["source"] | "unavailable" },
  log: Pick<Console, "warn">,
): void {
  if (env.NODE_ENV !== "production") return;
  // A secret kept in the enquiry database is shared by every instance that uses it: no warning needed.
  const secretNote =
    secretSource === "unavailable"
      ? " CONTACT_FORM_SECRET is not set and the shared one could not be read from the database yet."
      : "";
  if (!env.RESEND_API_KEY) {
    log.warn(
      `⚠ [contact] RESEND_API_KEY is not set: enquiries are stored in ${describeDatabaseUrl(env.DATABASE_URL)} but NOT emailed; each email is written to the ${mailer.description} instead. Set RESEND_API_KEY and CONTACT_FROM_EMAIL to send them.${secretNote ? ` Also:${secretNote}` : ""}`,
    );
  } else if (secretNote) {
    log.warn(`⚠ [contact]${secretNote}`);
  }
}
