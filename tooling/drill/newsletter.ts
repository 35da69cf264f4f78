/**
 * Drill: the newsletter's faults, over HTTP against `next start`, the way
 * browsers post the subscribe form at the end of a post (with and without
 * JavaScript), with the fake Resend:
 *  1. malformed and hostile addresses → a field error each, nothing stored or sent, no 5xx;
 *  2. the provider down at sign-up (500, 429, timeout, reset, accepted-but-unanswered) →
 *     every reader told "check your inbox", every address stays pending, then two
 *     `npm run newsletter:retry` at once and a third: each confirmation sent exactly once;
 *  3. every confirmation link followed → confirmed here and in the Resend segment;
 *  4. every link replayed → "already used", nothing changes here or in Resend;
 *  5. every confirmed address subscribed again → the same answer, no email;
 *  6. every unsubscribe link → unsubscribed here and in Resend.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { policyFor } from "../../lib/contact/policy";
import { childEnv } from "../shared/proc";
import { percentile, waitUntil } from "./lib/enquire";
import { confirmWithButton, loadSubscribeForm, subscribe } from "./lib/subscribe";
import { pool, send } from "../shared/form";
import type { DrillServer } from "./lib/server";
import { OUTAGE } from "./provider-down";

const run = promisify(execFile);

export const NEWSLETTER_SEGMENT = "5f0c9a38-3b5e-4a8e-9d4b-4e1c1f0a7d21";

/** `npm run newsletter:retry` as the owner runs it, against the drill server's database and provider. */
export async function retryCli(cwd: string, env: Record<string, string>): Promise<{ code: number; summary: string }> {
  try {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "scripts/newsletter.ts", "--retry", "--now", "--pause-ms", "0"],
      {
        cwd,
        env: childEnv(cwd, env),
        timeout: 180_000,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return { code: 0, summary: stdout.split("\n").find((line) => line.startsWith("Done:")) ?? "" };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : 1,
      summary: (failed.stdout?.split("\n").find((line) => line.startsWith("Done:")) ?? failed.stderr ?? "")
        .trim()
        .slice(0, 500),
    };
  }
}

type Row = {
  email: string;
  status: string;
  confirmation_state: string;
  sync_state: string;
  token_used_at: string | null;
  confirmed_at: string | null;
};

async function rows(server: DrillServer): Promise<Row[]> {
  const db = server.db();
  try {
    const result = await db.execute(
      "SELECT email, status, confirmation_state, sync_state, token_used_at, confirmed_at FROM newsletter_subscribers ORDER BY email",
    );
    return result.rows.map((row) => ({
      email: String(row.email),
      status: String(row.status),
      confirmation_state: String(row.confirmation_state),
      sync_state: String(row.sync_state),
      token_used_at: row.token_used_at === null ? null : String(row.token_used_at),
      confirmed_at: row.confirmed_at === null ? null : String(row.confirmed_at),
    }));
  } catch (error) {
    if (/no such table/.test(String(error))) return [];
    throw error;
  } finally {
    db.close();
  }
}

const HOSTILE = [
  "",
  "   ",
  "plainaddress",
  "ada@localhost",
  "@example.com",
  "ada@@example.com",
  "ada@example.com\r\nBcc: victim@example.com",
  "ada@example.com\u0000",
  "<script>alert('x')</script>@example.com",
  '"><img src=x onerror=alert(1)>@example.com',
  "ada@example.com, bob@example.com",
  "ada@exa mple.com",
  "' OR 1=1 --@example.com",
  "ad\uFFFDa@example.com",
  `${"a".repeat(300)}@example.com`,
  "ada@example.com\u2028bcc@example.com",
  '=HYPERLINK("http://evil")@x.com',
];

export type NewsletterDrillResult = {
  badInput: {
    sent: number;
    byStatus: Record<string, number>;
    fieldErrors: number;
    fiveXx: number;
    stored: number;
    emailsSent: number;
    reflectedRaw: string[];
  };
  providerDown: {
    signups: number;
    answeredCheckInbox: number;
    answerP50Ms: number;
    answerP95Ms: number;
    pendingAfterOutage: number;
    outageAnswers: Record<string, number>;
    retryRuns: Array<{ code: number; summary: string }>;
    confirmationsExactlyOnce: number;
    duplicates: number;
    resendsAbsorbed: number;
  };
  confirm: {
    followed: number;
    /** Links fetched with GET only, as a mail scanner does: the page with its button, and rows changed (must be 0). */
    scannerGets: number;
    scannerConfirmed: number;
    confirmedPages: number;
    confirmedRows: number;
    inSegment: number;
  };
  replay: { replayed: number; usedPages: number; rowsChanged: number; providerCallsAdded: number };
  resubscribe: { sent: number; answeredCheckInbox: number; emailsAdded: number };
  unsubscribe: { followed: number; unsubscribedPages: number; unsubscribedRows: number; unsubscribedInResend: number };
  loggedErrors: string[];
  seconds: number;
  ok: boolean;
};

/**
 * The most sign-ups one run can expect to be emailed as they arrive: the shared policy sends at most this many
 * confirmations an hour site-wide at once and queues the rest (sent later), which is the flood drill's subject.
 */
export const NEWSLETTER_DRILL_MAX_SIGNUPS = policyFor("signup").directEmails.max;

export async function runNewsletterDrill(
  server: DrillServer,
  {
    count = NEWSLETTER_DRILL_MAX_SIGNUPS,
    badInput = 200,
    cwd = process.cwd(),
  }: { count?: number; badInput?: number; cwd?: string } = {},
): Promise<NewsletterDrillResult> {
  if (!Number.isInteger(count) || count < 1 || count > NEWSLETTER_DRILL_MAX_SIGNUPS) {
    throw new Error(
      `--signups must be 1 to ${NEWSLETTER_DRILL_MAX_SIGNUPS} (the hourly confirmation budget of the sign-up policy); got ${count}`,
    );
  }
  const started = performance.now();
  const fake = server.fake;
  fake.reset();
  const errorsBefore = server.loggedErrors().length;
  const form = await loadSubscribeForm(server.url);
  // Each reader on a network of their own (the policy budgets confirmation emails per /24 too).
  const ip = (phase: number, i: number) => `172.${20 + phase}.${i & 255}.${1 + ((i >> 8) & 127)}`;

  // 1. Malformed and hostile addresses.
  const bad = await pool(
    Array.from(
      { length: badInput },
      (_, i) => () => subscribe(server.url, form, HOSTILE[i % HOSTILE.length]!, { js: i % 2 === 0, ip: ip(0, i) }),
    ),
    8,
  );
  const byStatus: Record<string, number> = {};
  for (const answer of bad) byStatus[String(answer.status)] = (byStatus[String(answer.status)] ?? 0) + 1;
  // HTML answers (no JavaScript) must never carry a payload unescaped; the JS answer is RSC data, not markup.
  const reflectedRaw: string[] = [];
  for (const answer of bad) {
    if (answer.js) continue;
    for (const needle of ["<script>alert('x')</script>", "<img src=x onerror"]) {
      const at = answer.body.indexOf(needle);
      if (at >= 0) reflectedRaw.push(answer.body.slice(Math.max(0, at - 120), at + 60));
    }
  }
  const badInputResult = {
    sent: bad.length,
    byStatus,
    fieldErrors: bad.filter((answer) => answer.state === "invalid" && answer.fieldError).length,
    fiveXx: bad.filter((answer) => typeof answer.status === "number" && answer.status >= 500).length,
    stored: (await rows(server)).length,
    emailsSent: fake.deliveries.length,
    reflectedRaw,
  };

  // 2. Provider down at sign-up.
  fake.reset();
  fake.outage(...OUTAGE);
  // …and at a domain of their own (the policy budgets confirmation emails per destination domain too).
  const emails = Array.from({ length: count }, (_, i) => `reader-${i + 1}@r${i + 1}-${process.pid}.drill.example`);
  const answers = await pool(
    emails.map((email, i) => () => subscribe(server.url, form, email, { js: i % 2 === 1, ip: ip(1, i) })),
    10,
  );
  await waitUntil(
    async () => (await rows(server)).filter((row) => row.confirmation_state === "due").length === 0,
    60_000,
  );
  const afterOutage = await rows(server);
  const outageAnswers: Record<string, number> = {};
  for (const request of fake.requests)
    outageAnswers[String(request.answer)] = (outageAnswers[String(request.answer)] ?? 0) + 1;
  fake.recover();
  const concurrent = await Promise.all([retryCli(cwd, { ...server.env }), retryCli(cwd, { ...server.env })]);
  const final = await retryCli(cwd, { ...server.env });
  const perRecipient = new Map<string, number>();
  const perKey = new Map<string, number>();
  for (const delivery of fake.deliveries) {
    const to = delivery.to.join(",").toLowerCase();
    perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    perKey.set(delivery.idempotencyKey ?? "(none)", (perKey.get(delivery.idempotencyKey ?? "(none)") ?? 0) + 1);
  }
  const providerDown = {
    signups: count,
    answeredCheckInbox: answers.filter((answer) => answer.wording === "check-inbox").length,
    answerP50Ms: percentile(
      answers.map((a) => a.ms),
      50,
    ),
    answerP95Ms: percentile(
      answers.map((a) => a.ms),
      95,
    ),
    pendingAfterOutage: afterOutage.filter((row) => row.status === "pending" && row.confirmation_state === "failed")
      .length,
    outageAnswers,
    retryRuns: [...concurrent, final],
    confirmationsExactlyOnce: emails.filter((email) => perRecipient.get(email) === 1).length,
    duplicates:
      [...perRecipient.values()].filter((n) => n > 1).length + [...perKey.values()].filter((n) => n > 1).length,
    resendsAbsorbed: [...fake.acceptedPerKey().values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0),
  };

  // 3. Follow every confirmation link: first as a mail scanner does (GET only), which must confirm nobody; then as
  //    the reader does (the page, then its button).
  const links = new Map<string, { confirm: string; unsubscribe: string }>();
  for (const delivery of fake.deliveries) {
    const confirm = /https?:\/\/[^/\s]+(\/newsletter\/confirm\?token=[^\s\]>)]+)/.exec(delivery.text ?? "")?.[1];
    const leave = /https?:\/\/[^/\s]+(\/newsletter\/unsubscribe\?token=[^\s\]>)]+)/.exec(delivery.text ?? "")?.[1];
    if (confirm && leave) links.set(delivery.to[0]!.toLowerCase(), { confirm, unsubscribe: leave });
  }
  const page = (path: string) => send(server.url, { path, method: "GET" }, 60_000);
  const beforeScan = JSON.stringify(await rows(server));
  const scanned = await pool(
    [...links.values()].map((link) => () => page(link.confirm)),
    8,
  );
  const scannerConfirmed = JSON.stringify(await rows(server)) === beforeScan ? 0 : 1;
  const confirmed = await pool(
    [...links.values()].map((link) => () => confirmWithButton(server.url, link.confirm)),
    8,
  );
  await waitUntil(
    () => emails.every((email) => fake.contacts.get(email)?.segments.includes(NEWSLETTER_SEGMENT)),
    60_000,
  );
  const afterConfirm = await rows(server);
  const confirm = {
    followed: confirmed.length,
    scannerGets: scanned.filter((r) => r.status === 200 && r.body.includes('data-outcome="ready"')).length,
    scannerConfirmed,
    confirmedPages: confirmed.filter((r) => r.status === 200 && r.outcome === "confirmed").length,
    confirmedRows: afterConfirm.filter((row) => row.status === "confirmed").length,
    inSegment: emails.filter(
      (email) =>
        fake.contacts.get(email)?.segments.includes(NEWSLETTER_SEGMENT) && !fake.contacts.get(email)?.unsubscribed,
    ).length,
  };
  await waitUntil(async () => (await rows(server)).every((row) => row.sync_state === "synced"), 30_000);

  // 4. Replay every confirmation link.
  const snapshot = JSON.stringify(await rows(server));
  const callsBefore = fake.calls.length;
  const replays = await pool(
    [...links.values()].map((link) => () => confirmWithButton(server.url, link.confirm)),
    8,
  );
  const replay = {
    replayed: replays.length,
    usedPages: replays.filter((r) => r.status === 200 && r.outcome === "used").length,
    rowsChanged: JSON.stringify(await rows(server)) === snapshot ? 0 : 1,
    providerCallsAdded: fake.calls.length - callsBefore,
  };

  // 5. Subscribe every confirmed address again.
  const deliveriesBefore = fake.deliveries.length;
  const again = await pool(
    emails.map((email, i) => () => subscribe(server.url, form, email.toUpperCase(), { js: i % 2 === 0, ip: ip(2, i) })),
    10,
  );
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // give any (wrongly) scheduled email time to reach the fake
  const resubscribe = {
    sent: again.length,
    answeredCheckInbox: again.filter((a) => a.wording === "check-inbox").length,
    emailsAdded: fake.deliveries.length - deliveriesBefore,
  };

  // 6. Unsubscribe with every link.
  const left = await pool(
    [...links.values()].map((link) => () => page(link.unsubscribe)),
    8,
  );
  await waitUntil(() => emails.every((email) => fake.contacts.get(email)?.unsubscribed === true), 60_000);
  const unsubscribe = {
    followed: left.length,
    unsubscribedPages: left.filter((r) => r.status === 200 && r.body.includes("You’re unsubscribed")).length,
    unsubscribedRows: (await rows(server)).filter((row) => row.status === "unsubscribed").length,
    unsubscribedInResend: emails.filter((email) => fake.contacts.get(email)?.unsubscribed === true).length,
  };

  const loggedErrors = server.loggedErrors().slice(errorsBefore);
  const ok =
    badInputResult.fiveXx === 0 &&
    badInputResult.fieldErrors === badInputResult.sent &&
    badInputResult.stored === 0 &&
    badInputResult.emailsSent === 0 &&
    reflectedRaw.length === 0 &&
    providerDown.answeredCheckInbox === count &&
    providerDown.pendingAfterOutage === count &&
    providerDown.confirmationsExactlyOnce === count &&
    providerDown.duplicates === 0 &&
    providerDown.retryRuns.at(-1)?.code === 0 &&
    confirm.scannerGets === count &&
    confirm.scannerConfirmed === 0 &&
    confirm.confirmedPages === count &&
    confirm.confirmedRows === count &&
    confirm.inSegment === count &&
    replay.usedPages === count &&
    replay.rowsChanged === 0 &&
    replay.providerCallsAdded === 0 &&
    resubscribe.answeredCheckInbox === count &&
    resubscribe.emailsAdded === 0 &&
    unsubscribe.unsubscribedPages === count &&
    unsubscribe.unsubscribedRows === count &&
    unsubscribe.unsubscribedInResend === count &&
    loggedErrors.length === 0;
  return {
    badInput: badInputResult,
    providerDown,
    confirm,
    replay,
    resubscribe,
    unsubscribe,
    loggedErrors,
    seconds: (performance.now() - started) / 1000,
    ok,
  };
}
