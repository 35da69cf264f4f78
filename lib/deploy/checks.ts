import { readSiteUrl, type ConfigProblem } from "../env";

import { databaseProblem } from "./host";

/**
 * The deployment checks that need more than one variable's value: run before `next build` (scripts/check-build.ts)
 * and when the production server starts (lib/deploy/startup.ts). Problems stop the build or the start and are
 * reported with the environment's own (`✖ … fix these environment variables`); warnings are printed and let it go on.
 */

type EnvSource = Readonly<Record<string, string | undefined>>;

/** The SITE_URL a build was made with, as next.config.ts records it (`""` when it was not set). */
export const BUILD_SITE_URL_KEY = "BUILD_SITE_URL";

function normalised(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  try {
    return readSiteUrl({ SITE_URL: value }).toString().replace(/\/$/, "");
  } catch {
    return null; // reported by the environment check
  }
}

/** The value next.config.ts records (and inlines into the server code) for the start-up comparison. */
export function buildSiteUrlRecord(source: EnvSource = process.env): string {
  return normalised(source.SITE_URL) ?? "";
}

/**
 * At start: a SITE_URL that differs from the build's is refused, because the prerendered pages, the sitemap, the
 * feeds and robots.txt keep the build's value while dynamic pages would use the new one. `built` undefined: no
 * record (not a production build), nothing to compare.
 */
export function siteUrlAtStart(built: string | undefined, source: EnvSource = process.env): ConfigProblem | null {
  if (built === undefined) return null;
  const now = normalised(source.SITE_URL);
  if (now === null || now === built) return null;
  const made =
    built === "" ? "without SITE_URL (so on http://localhost:3000, closed to search engines)" : `for ${built}`;
  return {
    variable: "SITE_URL",
    problem: `is ${now} here, but this build was made ${made}: its prerendered pages, sitemap, feeds and robots.txt say so. Build again with SITE_URL=${now} (npm run build)${built === "" ? "" : `, or start with SITE_URL=${built}`}`,
  };
}

/** The one loud warning for a production site built without SITE_URL, at build and at every start. */
export function siteUrlWarning(built: string): string | null {
  return built === ""
    ? "⚠ SITE_URL was not set for this build: canonical URLs, feeds, the sitemap and share cards point at http://localhost:3000, and robots.txt disallows all crawling. Set SITE_URL=https://… and build again for a real deployment."
    : null;
}

const RESERVED = /(?:^|\.)(?:example|test|invalid|localhost|local)$|^example\.(?:com|net|org)$/i;

/** An address on a reserved domain (hello@steadystate.example): a placeholder no mail reaches. */
export function isPlaceholderAddress(address: string): boolean {
  const domain = /@([^@>\s]+)>?\s*$/.exec(address.trim())?.[1];
  return domain !== undefined && RESERVED.test(domain.replace(/\.$/, ""));
}

/**
 * Production warnings for placeholder addresses: the author's public address in lib/site.ts (shown on /contact, in
 * the footer and the "could not be saved" answer), and the enquiries' recipient when it falls back to it.
 */
export function placeholderWarnings({
  authorEmail,
  contactToEmail,
  contactFromEmail,
  emailing,
}: {
  authorEmail: string;
  contactToEmail: string;
  contactFromEmail: string;
  /** RESEND_API_KEY is set: the addresses are used for real. */
  emailing: boolean;
}): string[] {
  const warnings: string[] = [];
  if (isPlaceholderAddress(authorEmail)) {
    warnings.push(
      `⚠ lib/site.ts: author.email is the placeholder ${authorEmail}, shown to readers on /contact, in the footer and when an enquiry cannot be saved. Put your real address there and build again.`,
    );
  }
  if (emailing && isPlaceholderAddress(contactToEmail)) {
    warnings.push(
      `⚠ CONTACT_TO_EMAIL is ${contactToEmail}, a placeholder no mail reaches: enquiries would be emailed nowhere. Set CONTACT_TO_EMAIL to your inbox.`,
    );
  }
  if (emailing && isPlaceholderAddress(contactFromEmail)) {
    warnings.push(
      `⚠ CONTACT_FROM_EMAIL is ${contactFromEmail}: Resend refuses to send from a domain you have not verified. Use an address on your verified domain.`,
    );
  }
  return warnings;
}

/** Every problem of a production build or start that spans variables (the single ones are the schema's). */
export function deploymentProblems(source: EnvSource = process.env): ConfigProblem[] {
  const database = databaseProblem(source.DATABASE_URL, source);
  return database ? [database] : [];
}
