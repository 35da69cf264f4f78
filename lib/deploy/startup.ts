import type { FindPost } from "@/lib/contact/email";
import { checkContactConfiguration } from "@/lib/contact/startup";
import { ConfigError, getEnv, type ConfigProblem } from "@/lib/env";
import { startServerScheduler } from "@/lib/scheduled/server";
import { site } from "@/lib/site";

import { deploymentProblems, placeholderWarnings, siteUrlAtStart, siteUrlWarning } from "./checks";

/**
 * Runs once when a server instance starts (instrumentation.ts), before it serves: every configuration problem is
 * reported in one list and stops it; then the warnings a production site owner must see; then the contact
 * funnel's own check and, on a long-running server, the in-process scheduler.
 */
export async function checkServerAtStart(
  findPost: FindPost,
  {
    builtSiteUrl,
    source = process.env,
    log = console,
  }: {
    /** The SITE_URL the build recorded (next.config.ts), undefined when there is no record. */
    builtSiteUrl: string | undefined;
    source?: Readonly<Record<string, string | undefined>>;
    log?: Pick<Console, "info" | "warn" | "error">;
  },
): Promise<void> {
  const problems: ConfigProblem[] = [];
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const production = source.NODE_ENV === "production";
  if (production) {
    const siteUrl = siteUrlAtStart(builtSiteUrl, source);
    if (siteUrl && !problems.some((problem) => problem.variable === "SITE_URL")) problems.push(siteUrl);
    problems.push(...deploymentProblems(source));
  }
  if (problems.length > 0) {
    const error = new ConfigError(problems);
    log.error(`\n✖ ${error.message}\n`);
    throw error;
  }
  const env = getEnv();
  if (production) {
    const warnings = [
      builtSiteUrl === undefined ? null : siteUrlWarning(builtSiteUrl),
      ...placeholderWarnings({
        authorEmail: site.author.email,
        contactToEmail: env.CONTACT_TO_EMAIL,
        contactFromEmail: env.CONTACT_FROM_EMAIL,
        emailing: Boolean(env.RESEND_API_KEY),
      }),
    ];
    for (const warning of warnings) if (warning) log.warn(warning);
  }
  await checkContactConfiguration(findPost, log);
  startServerScheduler(findPost, log);
}

/** `next start` only logs an error thrown by `register` and keeps serving: a bad configuration ends the process here. */
export async function checkServerAtStartOrExit(findPost: FindPost, builtSiteUrl: string | undefined): Promise<void> {
  try {
    await checkServerAtStart(findPost, { builtSiteUrl });
  } catch (error) {
    if (!(error instanceof ConfigError)) console.error("✖ The server could not start:", error);
    process.exit(1);
  }
}
