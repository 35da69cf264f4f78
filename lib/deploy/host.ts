/**
 * Where the site is being built or served, from the variables each platform sets itself. What matters here:
 * whether files written at run time survive (a `file:` database would lose every enquiry on a host where they do
 * not), and whether a timer in the server process keeps running between requests (the in-process scheduler).
 */

type EnvSource = Readonly<Record<string, string | undefined>>;

export type Host = {
  name: string;
  /** Files written while serving outlive the instance (a VPS, a container with a volume). */
  persistentFiles: boolean;
  /** Instances live for a request or are frozen between requests: no background timers. */
  serverless: boolean;
};

const HOSTS: ReadonlyArray<{ test: (env: EnvSource) => boolean; host: Host }> = [
  { test: (env) => env.VERCEL === "1", host: { name: "Vercel", persistentFiles: false, serverless: true } },
  { test: (env) => env.NETLIFY === "true", host: { name: "Netlify", persistentFiles: false, serverless: true } },
  { test: (env) => env.CF_PAGES === "1", host: { name: "Cloudflare Pages", persistentFiles: false, serverless: true } },
  {
    test: (env) => Boolean(env.AWS_LAMBDA_FUNCTION_NAME),
    host: { name: "AWS Lambda", persistentFiles: false, serverless: true },
  },
  {
    // Cloud Run keeps files in memory, per instance, and throttles the CPU between requests.
    test: (env) => Boolean(env.K_SERVICE),
    host: { name: "Google Cloud Run", persistentFiles: false, serverless: true },
  },
  // Heroku wipes a dyno's files on every restart (at least daily).
  { test: (env) => Boolean(env.DYNO), host: { name: "Heroku", persistentFiles: false, serverless: false } },
];

/** The platform, when one of those known to lose files is recognised; null for a plain server or container. */
export function detectHost(source: EnvSource = process.env): Host | null {
  return HOSTS.find(({ test }) => test(source))?.host ?? null;
}

/** A `file:` URL names a database on the local disk. */
export function isLocalDatabase(url: string): boolean {
  return url.trim().startsWith("file:");
}

/**
 * The problem with this database on this host, or null: on a host whose files do not persist a `file:`
 * database loses every enquiry (or, read-only, cannot store one). Named as the configuration report prints it.
 */
export function databaseProblem(
  databaseUrl: string | undefined,
  source: EnvSource = process.env,
): { variable: string; problem: string } | null {
  const host = detectHost(source);
  if (!host || host.persistentFiles) return null;
  const url = databaseUrl?.trim() || "";
  if (url !== "" && !isLocalDatabase(url)) return null;
  return {
    variable: "DATABASE_URL",
    problem: `${url === "" ? "is not set, so enquiries would go to the default file:.data/enquiries.db" : `is a local file (${url.split("?")[0]})`}, but ${host.name} does not keep files: every enquiry and subscriber would be lost (or never stored). Create a hosted libSQL database (Turso: turso db create, turso db tokens create), then set DATABASE_URL=libsql://<db>-<org>.turso.io and DATABASE_AUTH_TOKEN=<token> for this deployment (docs/deploy.md)`,
  };
}
