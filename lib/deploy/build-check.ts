import { ConfigError, parseEnv, type ConfigProblem } from "../env";
import { site } from "../site";

import { deploymentProblems, placeholderWarnings } from "./checks";

/**
 * The check before a production build (next.config.ts, in the build phase only): every invalid variable and every
 * unsafe combination (a `file:` database on a host that does not keep files, e.g. Vercel) in one list, in the
 * same format as the server's start-up check, and the build stops; warnings are printed and it goes on.
 */

type EnvSource = Readonly<Record<string, string | undefined>>;

export type BuildCheck = { problems: ConfigProblem[]; warnings: string[] };

export function checkBuild(source: EnvSource = process.env): BuildCheck {
  const problems: ConfigProblem[] = [];
  let env: ReturnType<typeof parseEnv> | undefined;
  try {
    env = parseEnv({ ...source, NODE_ENV: "production" });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  problems.push(...deploymentProblems(source));
  const warnings = env
    ? placeholderWarnings({
        authorEmail: site.author.email,
        contactToEmail: env.CONTACT_TO_EMAIL,
        contactFromEmail: env.CONTACT_FROM_EMAIL,
        emailing: Boolean(env.RESEND_API_KEY),
      })
    : [];
  return { problems, warnings };
}

/** Marks the check as done for the build's worker processes, which load next.config.ts again. */
const CHECKED = "__STEADY_STATE_BUILD_CHECKED";

export function checkBuildOrExit(source: Record<string, string | undefined> = process.env): void {
  if (source[CHECKED]) return;
  source[CHECKED] = "1";
  const { problems, warnings } = checkBuild(source);
  if (problems.length > 0) {
    console.error(`\n✖ ${new ConfigError(problems, { then: "build again" }).message}\n`);
    process.exit(1);
  }
  for (const warning of warnings) console.warn(warning);
}
