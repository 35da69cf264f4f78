/**
 * Measures the enquiry funnel in-process (no browser, no Next): the time until
 * the prospect gets an answer (validate → spam checks → store) and the time
 * until the owner email is recorded as sent, with the real Resend SDK talking
 * to the fake Resend on 127.0.0.1 and a libSQL file in a temp folder.
 *
 *   npx tsx tooling/bench/contact-latency.ts [count]
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { connectResend } from "../../lib/email/resend";
import { generatedPostFinder } from "../../lib/content/generated-posts";
import { signFormToken } from "../../lib/contact/spam";
import { createEnquiryStore } from "../../lib/contact/store";
import { handleEnquiry, type SubmitDeps } from "../../lib/contact/submit";
import { startFakeResend, type Behaviour } from "../shared/fake-resend";

const count = Number(process.argv[2] ?? 200);
const secret = "bench-secret-0123456789abcdef0123456789abcdef";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const fmt = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(2)} ms · p95 ${percentile(values, 95).toFixed(2)} ms · max ${Math.max(...values).toFixed(2)} ms`;

async function run(label: string, behaviour: Behaviour) {
  const dir = await mkdtemp(path.join(tmpdir(), "contact-bench-"));
  const fake = await startFakeResend();
  const store = createEnquiryStore({ url: `file:${path.join(dir, "enquiries.db")}` });
  const deferred: Array<() => Promise<unknown>> = [];
  const quiet = { info: () => {}, warn: () => {}, error: () => {} };
  const deps: SubmitDeps = {
    store,
    mailer: connectResend({ apiKey: "re_bench", baseUrl: fake.url, timeoutMs: 10_000 }),
    from: "Bench <bench@example.com>",
    to: "owner@example.com",
    findPost: generatedPostFinder(),
    now: () => new Date(),
    log: quiet,
    formSecret: secret,
    minSubmitMs: 3_000,
    sendAcknowledgement: false,
    fallbackEmail: "hello@example.com",
    newId: randomUUID,
    defer: (task) => void deferred.push(task),
    ipHashKey: Buffer.from(secret),
  };
  await store.countsByStatus(); // open + migrate outside the measurement

  const answer: number[] = [];
  const delivery: number[] = [];
  for (let index = 0; index < count; index += 1) {
    fake.queue(behaviour);
    const started = performance.now();
    const state = await handleEnquiry(
      {
        name: `Prospect ${index}`,
        email: `prospect${index}@example.com`,
        company: "Bench Ltd",
        topic: "delivery-process",
        message: `Enquiry ${index}: our releases keep slipping and the team is tired. `.repeat(8),
        source: "code-review-is-a-conversation-not-a-gate",
        formToken: signFormToken(Date.now() - 10_000, secret),
      },
      { client: { client: `10.0.${index >> 8}.${index & 255}`, network: null }, userAgent: "bench" },
      deps,
    );
    const answered = performance.now();
    if (state.status !== "success") throw new Error(`submission ${index}: ${state.status} ${state.message}`);
    answer.push(answered - started);
    for (const task of deferred.splice(0)) await task();
    delivery.push(performance.now() - answered);
  }
  const counts = await store.countsByStatus();
  console.log(`${label} (${count} enquiries, ${counts.sent} sent, ${fake.deliveries.length} delivered by the fake)`);
  console.log(`  answer to the prospect (validate, spam checks, store):  ${fmt(answer)}`);
  console.log(`  then owner email until marked sent (render + Resend SDK): ${fmt(delivery)}`);
  store.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
}

await run("Fake Resend answering at once", { kind: "ok" });
await run("Fake Resend answering after 500 ms", { kind: "ok", delayMs: 500 });
