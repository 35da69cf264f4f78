/**
 * Drill: the newsletter under a confirmation flood, against the same default-configuration server as the enquiry
 * flood (flood.ts), each sender from its own loopback address:
 *
 *   1. N networks × M sign-ups of strangers' addresses (what a bot does to make the site email strangers);
 *   2. F sign-ups from one network (20 addresses of one /24), all at one company's domain;
 *   3. one genuine reader, from a network of their own;
 *   4. `npm run newsletter:retry`, as the scheduled run does, which sends queued confirmations the budgets allow.
 *
 * Invariants: the genuine reader either gets the confirmation email at once and read "check your inbox", or read
 * that it was queued and gets it within the run; nobody read "check your inbox" without an email going to them,
 * nobody read "queued" without being stored (queued or since sent), nobody read "not saved" and was stored;
 * sign-up rows stored ≤ 120; no 5xx.
 */
import { pool } from "../shared/form";
import { waitUntil } from "./lib/enquire";
import type { DrillServer } from "./lib/server";
import { loadSubscribeForm, subscribe, type SubscribeAnswer } from "./lib/subscribe";
import { retryCli } from "./newsletter";

export type NewsletterFloodResult = {
  seconds: number;
  wordings: Record<"strangers" | "company" | "genuine", Record<string, number>>;
  genuine: { wording: string; emailedAtOnce: boolean; emailedAfterRetry: boolean; ok: boolean };
  confirmationsSent: number;
  /** Answers whose wording did not match what happened (check-inbox without an email, …). */
  dishonest: string[];
  rowsStored: number;
  queuedLeft: number;
  notSavedCounted: number;
  retry: { code: number; summary: string };
  fiveXx: number;
  ok: boolean;
};

type Signup = { email: string; answer: SubscribeAnswer };

export async function runNewsletterFlood(
  server: DrillServer,
  { networks = 6, perNetwork = 5, flood = 200 }: { networks?: number; perNetwork?: number; flood?: number } = {},
): Promise<NewsletterFloodResult> {
  const started = performance.now();
  const form = await loadSubscribeForm(server.url);
  const fake = server.fake;
  const confirmationsTo = (email: string) =>
    fake.deliveries.filter((d) => d.to.some((to) => to.toLowerCase() === email) && /confirm/i.test(d.subject)).length;

  const strangers = await pool(
    Array.from({ length: networks * perNetwork }, (_, i) => async (): Promise<Signup> => {
      const network = Math.floor(i / perNetwork) + 1;
      const email = `stranger-${i}@victim${network}.example`;
      const answer = await subscribe(server.url, form, email, { js: i % 2 === 0, localAddress: `127.31.${network}.1` });
      return { email, answer };
    }),
    10,
  );
  const company = await pool(
    Array.from({ length: flood }, (_, i) => async (): Promise<Signup> => {
      const email = `staff-${i}@target-company.example`;
      const answer = await subscribe(server.url, form, email, {
        js: i % 2 === 1,
        localAddress: `127.32.0.${1 + (i % 20)}`,
      });
      return { email, answer };
    }),
    10,
  );
  const genuineEmail = "reader.genuine@readers.example";
  const genuineAnswer = await subscribe(server.url, form, genuineEmail, { js: true, localAddress: "127.33.1.1" });
  const emailedAtOnce = await waitUntil(() => confirmationsTo(genuineEmail) === 1, 5_000);

  // The scheduled run, as the owner's scheduler runs it.
  const retry = await retryCli(process.cwd(), { ...server.env });
  const emailedAfterRetry = await waitUntil(() => confirmationsTo(genuineEmail) === 1, 10_000);

  const db = server.db();
  let rows: Array<{ email: string; queued: boolean }> = [];
  let notSavedCounted = 0;
  try {
    rows = (await db.execute("SELECT email, queued_at FROM newsletter_subscribers")).rows.map((row) => ({
      email: String(row.email).toLowerCase(),
      queued: row.queued_at !== null,
    }));
    notSavedCounted = Number(
      (await db.execute("SELECT coalesce(sum(count), 0) AS n FROM newsletter_counts")).rows[0]!.n,
    );
  } finally {
    db.close();
  }
  const stored = new Set(rows.map((row) => row.email));
  const all: Signup[] = [...strangers, ...company, { email: genuineEmail, answer: genuineAnswer }];
  const dishonest: string[] = [];
  for (const { email, answer } of all) {
    const sent = confirmationsTo(email) > 0;
    if (answer.wording === "check-inbox" && !sent) dishonest.push(`${email}: "check your inbox", no email`);
    if (answer.wording === "queued" && !stored.has(email)) dishonest.push(`${email}: "queued", not stored`);
    if (answer.wording === "not-saved" && stored.has(email)) dishonest.push(`${email}: "not saved", stored`);
    if (answer.wording === "other") dishonest.push(`${email}: answered ${answer.state} (${answer.status})`);
  }
  const tally = (signups: Signup[]) => {
    const byWording: Record<string, number> = {};
    for (const { answer } of signups) byWording[answer.wording] = (byWording[answer.wording] ?? 0) + 1;
    return byWording;
  };
  const genuineOk =
    (genuineAnswer.wording === "check-inbox" && emailedAtOnce) ||
    (genuineAnswer.wording === "queued" && emailedAfterRetry);
  const fiveXx = all.filter(({ answer }) => typeof answer.status === "number" && answer.status >= 500).length;
  const result: NewsletterFloodResult = {
    seconds: (performance.now() - started) / 1000,
    wordings: { strangers: tally(strangers), company: tally(company), genuine: tally([all.at(-1)!]) },
    genuine: { wording: genuineAnswer.wording, emailedAtOnce, emailedAfterRetry, ok: genuineOk },
    confirmationsSent: fake.deliveries.filter((d) => /confirm/i.test(d.subject)).length,
    dishonest,
    rowsStored: rows.length,
    queuedLeft: rows.filter((row) => row.queued).length,
    notSavedCounted,
    retry: { code: retry.code, summary: retry.summary },
    fiveXx,
    ok: false,
  };
  result.ok = genuineOk && dishonest.length === 0 && rows.length <= 120 && fiveXx === 0;
  return result;
}
