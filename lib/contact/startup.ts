import { ConfigError, getEnv } from "@/lib/env";

import { getContactRuntime, type ContactRuntime } from "./runtime";
import { describeDatabaseUrl } from "./store";

/**
 * Runs once when the server starts (instrumentation.ts): validates the
 * configuration so a bad value stops the server immediately, naming the
 * variable, and says plainly when enquiries will not be emailed.
 */
export function checkContactConfiguration(log: Pick<Console, "warn" | "error"> = console): void {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof ConfigError) log.error(`\n✖ ${error.message}\n`);
    throw error;
  }
  reportConfiguration(getContactRuntime(), log);
}

/** In production, one clear warning when enquiries will not be emailed (and about a generated secret). */
export function reportConfiguration({ env, mailer, formSecret }: Pick<ContactRuntime, "env" | "mailer" | "formSecret">, log: Pick<Console, "warn">): void {
  if (env.NODE_ENV !== "production") return;
  const secretNote =
    formSecret.source === "env"
      ? ""
      : ` CONTACT_FORM_SECRET is not set: using a generated secret${formSecret.file ? ` kept in ${formSecret.file}` : " held in memory until restart"} (set it when you run more than one instance).`;
  if (!env.RESEND_API_KEY) {
    log.warn(
      `⚠ [contact] RESEND_API_KEY is not set: enquiries are stored in ${describeDatabaseUrl(env.DATABASE_URL)} but NOT emailed; each email is written to the ${mailer.description} instead. Set RESEND_API_KEY and CONTACT_FROM_EMAIL to send them.${secretNote ? ` Also:${secretNote}` : ""}`,
    );
  } else if (secretNote) {
    log.warn(`⚠ [contact]${secretNote}`);
  }
}

/**
 * For instrumentation.ts: `next start` only logs an error thrown by
 * `register` and keeps serving, so a bad configuration ends the process here.
 */
export function checkContactConfigurationOrExit(): void {
  try {
    checkContactConfiguration();
  } catch (error) {
    if (!(error instanceof ConfigError)) console.error("✖ [contact] The contact funnel could not start:", error);
    process.exit(1);
  }
}
