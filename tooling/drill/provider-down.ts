/**
 * Drill: the email provider is down. The fake Resend answers 500, 429, never
 * answers (a timeout), drops the connection, or accepts the email and then
 * never answers (the sender times out although the email went out) — in turn,
 * for the whole run — while valid enquiries arrive. Then it recovers and the
 * retry runs: two `npm run enquiries:retry -- --now` processes at once, then a
 * third that must find nothing left.
 * Invariants: every enquiry answered with success and stored; afterwards
 * every one emailed exactly once (one delivery per idempotency key = enquiry
 * id), none lost, none duplicated.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

import type { Behaviour } from "../shared/fake-resend";
import { clientIp, drillEnquiry, percentile, submitEnquiry, waitUntil } from "./lib/enquire";
import { loadContactForms, pool } from "../shared/form";
import { enquiryRows, type DrillServer } from "./lib/server";
import { childEnv } from "../shared/proc";

const run = promisify(execFile);

export const OUTAGE: Behaviour[] = [
  { kind: "status", status: 500 },
  { kind: "status", status: 429 },
  { kind: "hang" },
  { kind: "status", status: 503, name: "internal_server_error" },
  { kind: "lost-answer" },
  { kind: "reset" },
];

export type ProviderDownResult = {
  enquiries: number;
  answeredSuccess: number;
  answerP50Ms: number;
  answerP95Ms: number;
  stored: number;
  failedDuringOutage: number;
  outageAnswers: Record<string, number>;
  /** Emails the provider accepted during the outage although the site saw a timeout. */
  deliveredButUnacknowledged: number;
  retryRuns: Array<{ code: number; summary: string }>;
  emailed: number;
  emailedExactlyOnce: number;
  resendsAbsorbedByIdempotencyKey: number;
  lost: number;
  duplicates: number;
  strayDeliveries: number;
  seconds: number;
  ok: boolean;
};

/** `npm run enquiries:retry` as the owner runs it, against the drill server's database and provider. */
export async function retryCli(
  cwd: string,
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/enquiries-retry.ts", ...args], {
      cwd,
      env: childEnv(cwd, env),
      timeout: 180_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return {
      code: typeof failed.code === "number" ? failed.code : 1,
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? String(error),
    };
  }
}

export async function runProviderDown(
  server: DrillServer,
  { count = 200, concurrency = 10, cwd = process.cwd() }: { count?: number; concurrency?: number; cwd?: string } = {},
): Promise<ProviderDownResult> {
  const started = performance.now();
  const fake = server.fake;
  fake.reset();
  fake.outage(...OUTAGE);

  // One form per enquiry: a token carries one enquiry.
  const forms = await loadContactForms(server.url, count, { "x-forwarded-for": clientIp("provider", 0) });
  const topic = forms[0]!.topics[0]!;
  const answers = await pool(
    Array.from(
      { length: count },
      (_, i) => () =>
        submitEnquiry(server.url, forms[i]!, drillEnquiry("provider", i + 1, topic), {
          js: i % 2 === 0,
          ip: clientIp("provider", i + 1),
        }),
    ),
    concurrency,
  );
  const emails = new Set(answers.map((a) => a.enquiry.email.toLowerCase()));

  // Every `after()` delivery attempt has ended: nothing left pending (attempted rows are `failed`).
  await waitUntil(async () => (await enquiryRows(server)).every((row) => row.status !== "pending"), 60_000);
  const afterOutage = (await enquiryRows(server)).filter((row) => emails.has(row.email.toLowerCase()));
  const outageAnswers: Record<string, number> = {};
  for (const request of fake.requests)
    outageAnswers[String(request.answer)] = (outageAnswers[String(request.answer)] ?? 0) + 1;
  const deliveredButUnacknowledged = fake.deliveries.length;

  fake.recover();
  const args = ["--now", "--pause-ms", "0", "--limit", String(count + 50)];
  // Two retry runs at once (two cron jobs overlapping), then one that must find nothing left to send.
  const concurrent = await Promise.all([retryCli(cwd, server.env, args), retryCli(cwd, server.env, args)]);
  const final = await retryCli(cwd, server.env, args);
  const retryRuns = [...concurrent, final].map((r) => ({
    code: r.code,
    summary: (
      r.stdout.split("\n").find((line) => line.startsWith("Done:")) ??
      r.stderr.trim().split("\n").at(-1) ??
      ""
    ).trim(),
  }));

  const rows = (await enquiryRows(server)).filter((row) => emails.has(row.email.toLowerCase()));
  const ids = new Set(rows.map((row) => row.id));
  const perKey = new Map<string, number>();
  for (const delivery of fake.deliveries)
    perKey.set(delivery.idempotencyKey ?? "(none)", (perKey.get(delivery.idempotencyKey ?? "(none)") ?? 0) + 1);
  const perReplyTo = new Map<string, number>();
  for (const delivery of fake.deliveries) {
    const replyTo = String(delivery.reply_to).toLowerCase();
    perReplyTo.set(replyTo, (perReplyTo.get(replyTo) ?? 0) + 1);
  }
  const emailedExactlyOnce = rows.filter(
    (row) => perKey.get(row.id) === 1 && perReplyTo.get(row.email.toLowerCase()) === 1,
  ).length;
  const duplicates =
    [...perReplyTo.values()].filter((n) => n > 1).length + [...perKey.values()].filter((n) => n > 1).length;
  const strayDeliveries = fake.deliveries.filter((d) => !d.idempotencyKey || !ids.has(d.idempotencyKey)).length;
  const resendsAbsorbedByIdempotencyKey = [...fake.acceptedPerKey().values()].reduce(
    (sum, n) => sum + Math.max(0, n - 1),
    0,
  );
  const lost = count - rows.filter((row) => row.status === "sent" && perKey.get(row.id) === 1).length;
  const ms = answers.map((a) => a.ms);

  const result: ProviderDownResult = {
    enquiries: count,
    answeredSuccess: answers.filter((a) => a.state === "success").length,
    answerP50Ms: percentile(ms, 50),
    answerP95Ms: percentile(ms, 95),
    stored: rows.length,
    failedDuringOutage: afterOutage.filter((row) => row.status === "failed").length,
    outageAnswers,
    deliveredButUnacknowledged,
    retryRuns,
    emailed: new Set(fake.deliveries.map((d) => d.idempotencyKey)).size,
    emailedExactlyOnce,
    resendsAbsorbedByIdempotencyKey,
    lost,
    duplicates,
    strayDeliveries,
    seconds: (performance.now() - started) / 1000,
    ok: false,
  };
  result.ok =
    result.answeredSuccess === count &&
    result.stored === count &&
    result.failedDuringOutage === count &&
    result.emailedExactlyOnce === count &&
    lost === 0 &&
    duplicates === 0 &&
    strayDeliveries === 0 &&
    final.code === 0;
  return result;
}
