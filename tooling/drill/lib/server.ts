/**
 * A production server for a drill: `next start` of an existing build on
 * 127.0.0.1 with a fresh enquiry database, the fake Resend in this process,
 * and the server's stderr kept so a drill can count the errors it logged.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { createClient, type Client } from "@libsql/client";

import { childEnv, freePort, killGroup, stopChild, waitForHttp } from "../../shared/proc";
import { startFakeResend, type FakeResend } from "../../shared/fake-resend";

export const FORM_SECRET = "drill-form-secret-0123456789abcdef0123456789";
export const CRON_SECRET = "drill-cron-secret-0123456789abcdef";
export const OWNER = "owner@steadystate.test";
export const BOOKING_WEBHOOK_SECRET = "drill-booking-webhook-secret-0123456789";
export const ADMIN_TOKEN = "drill-admin-token-0123456789abcdef0123456789";

export type DrillServer = {
  url: string;
  pid: number;
  dataDir: string;
  databaseFile: string;
  fake: FakeResend;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Lines Next logs for an error it caught while answering (`⨯ …`). */
  loggedErrors(): string[];
  alive(): boolean;
  /**
   * A fresh connection to the enquiry database (the caller closes it). It may wait for the server's
   * writes (busy timeout); one connection per read, so a failed read never leaves a lock behind.
   */
  db(): Client;
  /** The env the server runs with (for the retry CLI). */
  env: Record<string, string>;
  stop(): Promise<void>;
};

export type DrillServerOptions = {
  /** The project copy holding the build (default: this checkout). */
  cwd?: string;
  distDir?: string;
  env?: Record<string, string>;
  /**
   * The default configuration of `npm start`: no CONTACT_FORM_SECRET, no TRUST_PROXY, the default minimum
   * submit time. Only the fake Resend and the temporary database are set.
   */
  defaults?: boolean;
};

export async function startDrillServer({
  cwd = process.cwd(),
  distDir,
  env = {},
  defaults = false,
}: DrillServerOptions = {}): Promise<DrillServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "drill-"));
  const databaseFile = path.join(dataDir, "enquiries.db");
  const fake = await startFakeResend();
  const port = await freePort();
  const serverEnv: Record<string, string> = {
    NODE_ENV: "production",
    DATABASE_URL: `file:${databaseFile}`,
    CONTACT_OUTBOX_DIR: path.join(dataDir, "outbox"),
    RESEND_API_KEY: "re_drill_fake_key",
    RESEND_BASE_URL: fake.url,
    CONTACT_TO_EMAIL: OWNER,
    CONTACT_FROM_EMAIL: "Steady State <enquiries@steadystate.test>",
    CONTACT_FORM_SECRET: FORM_SECRET,
    CRON_SECRET,
    BOOKING_WEBHOOK_SECRET,
    ADMIN_TOKEN,
    // The signed render time stays checked; the drills wait out one second instead of three.
    CONTACT_MIN_SUBMIT_SECONDS: "1",
    CONTACT_EMAIL_TIMEOUT_MS: "1000",
    // The fault and load drills send hundreds of real enquiries within minutes; the site-wide hourly email cap
    // (lib/contact/policy.ts) would hold most of them. The lockout drill runs the default instead.
    CONTACT_OWNER_EMAILS_PER_HOUR: "100000",
    // Each simulated client sends its own X-Forwarded-For, so the per-IP limit applies per client.
    TRUST_PROXY: "true",
    ...(distDir ? { NEXT_DIST_DIR: distDir } : {}),
    ...env,
  };
  if (defaults)
    for (const key of [
      "CONTACT_FORM_SECRET",
      "CONTACT_MIN_SUBMIT_SECONDS",
      "TRUST_PROXY",
      "CONTACT_OWNER_EMAILS_PER_HOUR",
      "BOOKING_WEBHOOK_SECRET",
      "ADMIN_TOKEN",
    ])
      delete serverEnv[key];
  // Variables of the developer's own shell must not leak into the drill's server.
  const base = childEnv(cwd, serverEnv);
  for (const key of Object.keys(base)) {
    if (
      /^(DATABASE_|RESEND_|CONTACT_|CRON_SECRET|TRUST_PROXY|SITE_|BOOKING_|ADMIN_TOKEN)/.test(key) &&
      !(key in serverEnv)
    )
      delete base[key];
  }
  // `npm start` is server.mjs (next start plus the socket address); a copy without it (an older build) uses next start.
  const entry = existsSync(path.join(cwd, "server.mjs"))
    ? ["server.mjs"]
    : ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)];
  const child: ChildProcess = spawn(process.execPath, entry, {
    cwd,
    env: { ...base, HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/`, 60_000);
  } catch (error) {
    killGroup(child, "SIGKILL");
    await fake.close();
    throw new Error(`next start failed: ${(error as Error).message}\n${stderr}`);
  }
  return {
    url,
    pid: child.pid!,
    dataDir,
    databaseFile,
    fake,
    env: serverEnv,
    stderr: () => stderr,
    loggedErrors: () =>
      stderr
        .split("\n")
        .filter((line) => line.startsWith("⨯") || /^\s*(Error|TypeError|SyntaxError|RangeError):/.test(line)),
    alive: () => child.exitCode === null && child.signalCode === null,
    db: () => createClient({ url: `file:${databaseFile}`, timeout: 10_000 }),
    async stop() {
      await stopChild(child);
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Row = {
  id: string;
  email: string;
  name: string;
  company: string | null;
  message: string;
  status: string;
  attempts: number;
  last_error: string | null;
};

export async function enquiryRows(server: DrillServer): Promise<Row[]> {
  const db = server.db();
  try {
    const result = await db.execute(
      "SELECT id, email, name, company, message, status, attempts, last_error FROM enquiries ORDER BY created_at",
    );
    return result.rows.map((row) => ({
      id: String(row.id),
      email: String(row.email),
      name: String(row.name),
      company: row.company === null ? null : String(row.company),
      message: String(row.message),
      status: String(row.status),
      attempts: Number(row.attempts),
      last_error: row.last_error === null ? null : String(row.last_error),
    }));
  } catch (error) {
    // Nothing was ever stored: the table is created on the first submission that reaches the store.
    if (/no such table/.test(String(error))) return [];
    throw error;
  } finally {
    db.close();
  }
}

/** Pages still served: the home page, a post list and the contact form. */
export async function stillServes(url: string): Promise<boolean> {
  for (const pathname of ["/", "/blog", "/contact", "/feed.xml"]) {
    try {
      const response = await fetch(new URL(pathname, url), { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status !== 200) return false;
    } catch {
      return false;
    }
  }
  return true;
}
