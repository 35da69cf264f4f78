import { z } from "zod";

// Client components import lib/site.ts, never this module: the zod schema is built on first use, so importing it
// costs nothing until the server configuration is read.
import { parseTrustProxy, VERCEL_TRUST_PROXY, type TrustProxy } from "./contact/trust-proxy";
import { site } from "./site";
import { readSiteUrl, siteUrlIsSet, siteUrlOrDefault } from "./site-url";

/**
 * Every environment variable the product reads, in one place.
 *
 * Build settings (SITE_URL, SITE_INDEXING, VERCEL_ENV, CONTENT_DIR, NODE_ENV) shape the pages and are read
 * where they are used, through the functions below. Server configuration is read once and validated with zod
 * (`getEnv`): a bad value stops the server at start (see instrumentation.ts) with the variable's name and
 * what is wrong, instead of failing on the first enquiry. `getEnv` is server-only.
 */

type EnvSource = Readonly<Record<string, string | undefined>>;

// SITE_URL is read by lib/site.ts while any page loads: parsed in a module of its own, which imports nothing.
export { readSiteUrl, siteUrlIsSet, siteUrlOrDefault };

/** What decides whether search engines may index the site (lib/seo/indexing.ts). */
export type IndexingEnv = { SITE_INDEXING?: string; VERCEL_ENV?: string };

export function indexingEnv(source: EnvSource = process.env): IndexingEnv {
  return { SITE_INDEXING: source.SITE_INDEXING, VERCEL_ENV: source.VERCEL_ENV };
}

/** Where the posts are read from at build time (`<dir>/posts/*.mdx`). */
export function contentDir(source: EnvSource = process.env): string {
  return source.CONTENT_DIR ?? "content";
}

/** Next's build folder: `.next`, or NEXT_DIST_DIR for a second build (the e2e fixture). The search index lives in it. */
export function distDir(source: EnvSource = process.env): string {
  return source.NEXT_DIST_DIR || ".next";
}

/** Next sets NEXT_PHASE while `next build` runs (prerendering included). */
export function duringBuild(source: EnvSource = process.env): boolean {
  return source.NEXT_PHASE === "phase-production-build";
}

/** Vercel sets VERCEL=1 in its builds and functions. */
export function onVercel(source: EnvSource = process.env): boolean {
  return source.VERCEL === "1";
}

/** `development` under `next dev`, `production` for builds and `next start`, `test` under vitest. */
export function nodeEnv(source: EnvSource = process.env): string | undefined {
  return source.NODE_ENV;
}

const SECRET_VARIABLES = new Set([
  "RESEND_API_KEY",
  "DATABASE_AUTH_TOKEN",
  "DATABASE_URL",
  "CONTACT_FORM_SECRET",
  "CRON_SECRET",
  "BOOKING_WEBHOOK_SECRET",
  "ADMIN_TOKEN",
]);

/** The server configuration's schema, built on first use. */
function buildEnvSchema() {
  const DATABASE_SCHEMES = ["file:", "libsql:", "http:", "https:", "ws:", "wss:"];

  /** `you@example.com` or `Display Name <you@example.com>`, as Resend accepts for `from`. */
  const MAILBOX = /^(?:([^<>\r\n]*?)\s*<([^<>\s]+)>|([^<>\s]+))$/;

  const emailAddress = z.email({ error: "must be an email address, e.g. you@example.com" });

  const mailbox = z
    .string()
    .trim()
    .refine((value) => {
      const match = MAILBOX.exec(value);
      const address = match?.[2] ?? match?.[3];
      return address !== undefined && emailAddress.safeParse(address).success;
    }, "must be an email address or a mailbox like: Site name <hello@example.com>");

  const flag = z.stringbool({ error: 'must be "true" or "false"' });

  /** TRUST_PROXY: a number of proxies, or a platform's client-IP header from a closed list (lib/contact/trust-proxy.ts). */
  const trustProxy = z
    .string()
    .trim()
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    });

  const siteUrl = z
    .string()
    .trim()
    .transform((value, ctx) => {
      const url = URL.canParse(value) ? new URL(value) : null;
      if (url && /^https?:$/.test(url.protocol)) return readSiteUrl({ SITE_URL: value }).toString().replace(/\/$/, "");
      ctx.addIssue({
        code: "custom",
        message: url ? "must start with https:// (or http://)" : "must be an absolute URL, e.g. https://example.com",
      });
      return z.NEVER;
    });

  const integer = (min: number, max: number) =>
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`);

  return z
    .object({
      NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
      // Build settings, read where they are used (readSiteUrl, indexingEnv); checked here so a bad one is reported
      // with the rest instead of failing a page later.
      SITE_URL: siteUrl.optional(),
      SITE_INDEXING: z.enum(["allow", "block"], { error: 'must be "allow" or "block"' }).optional(),
      PORT: integer(0, 65_535).optional(),
      DATABASE_URL: z
        .string()
        .trim()
        .default("file:.data/enquiries.db")
        .refine(
          (value) => DATABASE_SCHEMES.some((scheme) => value.startsWith(scheme)),
          `must be a libSQL URL starting with one of ${DATABASE_SCHEMES.join(" ")} (e.g. file:.data/enquiries.db or libsql://your-db.turso.io)`,
        ),
      DATABASE_AUTH_TOKEN: z.string().trim().optional(),
      RESEND_API_KEY: z.string().trim().startsWith("re_", 'must be a Resend API key (it starts with "re_")').optional(),
      RESEND_BASE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
      CONTACT_TO_EMAIL: emailAddress.optional(),
      CONTACT_FROM_EMAIL: mailbox.optional(),
      CONTACT_SEND_ACK: flag.default(false),
      CONTACT_FORM_SECRET: z
        .string()
        .min(32, "must be at least 32 characters (try: openssl rand -base64 32)")
        .optional(),
      CONTACT_MIN_SUBMIT_SECONDS: integer(0, 600).default(3),
      CONTACT_EMAIL_TIMEOUT_MS: integer(500, 60_000).default(10_000),
      CONTACT_OUTBOX_DIR: z.string().trim().min(1).default(".data/outbox"),
      // The newsletter (lib/newsletter): the Resend segment confirmed subscribers join, and its sender (default CONTACT_FROM_EMAIL).
      RESEND_SEGMENT_ID: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{1,100}$/, "must be a Resend segment id, e.g. 78261eea-8f8b-4381-83c6-79fa7120f1cf")
        .optional(),
      NEWSLETTER_FROM_EMAIL: mailbox.optional(),
      CRON_SECRET: z.string().min(16, "must be at least 16 characters (try: openssl rand -hex 32)").optional(),
      // Unset: the socket is the client (npm start), or on Vercel the platform's x-real-ip (see parseEnv).
      TRUST_PROXY: trustProxy.optional(),
      CONTACT_RETENTION_DAYS: integer(1, 3650).default(365),
      // The scheduled run inside a long-running server (lib/scheduled): off when an external cron calls the route.
      SCHEDULER_ENABLED: flag.default(true),
      SCHEDULER_INTERVAL_SECONDS: integer(1, 86_400).default(300),
      CONTACT_OWNER_EMAILS_PER_HOUR: integer(1, 100_000).optional(),
      // Bookings (lib/bookings): the scheduling link offered after an enquiry, and the secret Cal.com signs its webhooks with.
      BOOKING_URL: z
        .url({
          protocol: /^https$/,
          error:
            "must be an https:// scheduling link, e.g. https://cal.com/you/30min or https://calendly.com/you/30min",
        })
        .optional(),
      BOOKING_WEBHOOK_SECRET: z
        .string()
        .min(
          16,
          "must be at least 16 characters (try: openssl rand -hex 32), the same as the webhook's secret in Cal.com",
        )
        .optional(),
      // The funnel page /admin/funnel: HTTP Basic, user "admin", this as the password. Unset: the page does not exist.
      ADMIN_TOKEN: z
        .string()
        .min(32, "must be at least 32 characters of random (try: openssl rand -base64 32)")
        .optional(),
    })
    .superRefine((env, ctx) => {
      if (env.RESEND_API_KEY && !env.CONTACT_FROM_EMAIL) {
        ctx.addIssue({
          code: "custom",
          path: ["CONTACT_FROM_EMAIL"],
          message:
            "is required when RESEND_API_KEY is set: an address on a domain you verified in Resend, e.g. Site <hello@example.com>",
        });
      }
    });
}

let envSchema: ReturnType<typeof buildEnvSchema> | undefined;

export type Env = Omit<
  z.output<ReturnType<typeof buildEnvSchema>>,
  "CONTACT_TO_EMAIL" | "CONTACT_FROM_EMAIL" | "TRUST_PROXY"
> & {
  CONTACT_TO_EMAIL: string;
  CONTACT_FROM_EMAIL: string;
  TRUST_PROXY: TrustProxy;
};

export type ConfigProblem = { variable: string; problem: string };

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  /** `then`: what to do after fixing them ("start again", or "build again" before a build). */
  constructor(problems: ConfigProblem[], { then = "start again" }: { then?: string } = {}) {
    super(
      `Invalid configuration — fix these environment variables (or your .env file) and ${then}:\n${problems
        .map(({ variable, problem }) => `  ${variable}: ${problem}`)
        .join("\n")}`,
    );
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** Parses an environment (default: `process.env`); throws `ConfigError` naming every bad variable. Empty strings count as unset. */
export function parseEnv(source: EnvSource = process.env): Env {
  const input: Record<string, string> = {};
  envSchema ??= buildEnvSchema();
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value.trim() !== "") input[key] = value;
  }
  const result = envSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? "environment");
      const raw = input[variable];
      const shown = raw !== undefined && !SECRET_VARIABLES.has(variable) ? ` (got ${JSON.stringify(raw)})` : "";
      return { variable, problem: `${issue.message}${shown}` };
    });
    throw new ConfigError(problems);
  }
  const env = result.data;
  // The defaults come from the site settings: the author receives enquiries.
  return {
    ...env,
    TRUST_PROXY: env.TRUST_PROXY ?? (onVercel(source) ? VERCEL_TRUST_PROXY : { hops: 0 }),
    CONTACT_TO_EMAIL: env.CONTACT_TO_EMAIL ?? site.author.email,
    CONTACT_FROM_EMAIL: env.CONTACT_FROM_EMAIL ?? `${site.name} website <${site.author.email}>`,
  };
}

/** Every variable the server configuration reads (the schema's keys), for .env.example's completeness test. */
export function serverVariableNames(): string[] {
  envSchema ??= buildEnvSchema();
  return Object.keys(envSchema.shape);
}

let cached: Env | undefined;

/** The validated configuration of this process, read once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
