/**
 * Drill: lockout. Against `npm start` with the DEFAULT configuration (no
 * TRUST_PROXY, no CONTACT_FORM_SECRET, the 3 s minimum) and the fake Resend,
 * bots do their worst while real prospects fill the form like people:
 *
 *   1. junk: posts from one client in under a minute, JavaScript off, bot
 *      timing (posted at once after fetching the form, or with the honeypot filled);
 *   2. plus-tags: posts from one client with addresses name+n@ of a set of
 *      mailboxes, each with its own form token, waited out like a patient bot;
 *   3. replays: one captured form token, posted again with different addresses;
 *   4. prospects: distinct people, each from their own address, who wait at
 *      least 3 s before sending, during and after the flood.
 *
 * Each kind of sender connects from its own loopback address (127.x.y.z), so
 * the server tells them apart by the socket alone, as it would on the internet.
 *
 * Invariants: every prospect sees the confirmation, is stored, and is emailed
 * exactly once; the replays produce at most one email; no 5xx; rows stored
 * within the policy's hourly cap; at most one held digest.
 */
import { policyFor } from "../../lib/contact/policy";
import {
  drillEnquiry,
  loadContactForm,
  percentile,
  sleep,
  submitEnquiry,
  waitUntil,
  type EnquiryAnswer,
} from "./lib/enquire";
import { pool, type ContactForm } from "../shared/form";
import { enquiryRows, type DrillServer } from "./lib/server";

export type LockoutOptions = {
  junk?: number;
  plusTagged?: number;
  mailboxes?: number;
  replays?: number;
  prospects?: number;
};

type Group = { sent: number; byState: Record<string, number>; fiveXx: number; p50Ms: number; p95Ms: number };

export type LockoutResult = {
  seconds: number;
  junkSeconds: number;
  groups: Record<"junk" | "plusTagged" | "replays" | "prospects", Group>;
  rowsStored: number;
  rowsCap: number;
  byStatus: Record<string, number>;
  spamCounted: number;
  ownerEmails: number;
  digests: number;
  prospectsConfirmed: number;
  prospectsStored: number;
  prospectsEmailedOnce: number;
  replayEmails: number;
  fiveXx: number;
  ok: boolean;
};

/** The minimum time a person takes, as the default configuration checks it (3 s), plus a margin for a slow clock. */
const HUMAN_WAIT_MS = 3_300;

function summarise(answers: EnquiryAnswer[]): Group {
  const byState: Record<string, number> = {};
  for (const answer of answers) byState[answer.state] = (byState[answer.state] ?? 0) + 1;
  const ms = answers.map((answer) => answer.ms);
  return {
    sent: answers.length,
    byState,
    fiveXx: answers.filter((answer) => typeof answer.status === "number" && answer.status >= 500).length,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
  };
}

async function person(server: DrillServer, index: number, topic: string): Promise<EnquiryAnswer> {
  const form = await loadContactForm(server.url);
  await sleep(HUMAN_WAIT_MS);
  const enquiry = { ...drillEnquiry("prospect", index, topic), name: `Real Prospect ${index}` };
  return submitEnquiry(server.url, form, enquiry, { js: index % 2 === 0, localAddress: `127.0.1.${index + 1}` });
}

export async function runLockout(
  server: DrillServer,
  { junk = 500, plusTagged = 200, mailboxes = 50, replays = 20, prospects = 5 }: LockoutOptions = {},
): Promise<LockoutResult> {
  server.fake.reset();
  const started = performance.now();
  const form: ContactForm = await loadContactForm(server.url);
  const topic = (i: number) => form.topics[i % form.topics.length]!;
  const during = Math.ceil(prospects / 2);

  // 1. The junk flood, with the first prospects arriving in the middle of it.
  const junkStarted = performance.now();
  const junkTasks = Array.from({ length: junk }, (_, i) => async () => {
    const enquiry = {
      ...drillEnquiry("junk", i, topic(i)),
      email: `junk${i}@spam.example`,
      website: i % 3 === 0 ? "https://cheap.example" : "",
    };
    // Bot timing: the form's own token, posted straight away (under 3 s), or none at all.
    return submitEnquiry(server.url, form, enquiry, {
      js: false,
      localAddress: "127.0.0.66",
      formToken: i % 5 === 0 ? "" : undefined,
    });
  });
  const duringFlood = Array.from({ length: during }, (_, i) => sleep(200 * i).then(() => person(server, i, topic(i))));
  const junkAnswers = await pool(junkTasks, 10);
  const junkSeconds = (performance.now() - junkStarted) / 1000;

  // 2. Plus-tagged addresses of a set of mailboxes, each post with its own token, waited out like a person.
  const tokens = await pool(
    Array.from({ length: plusTagged }, () => () => loadContactForm(server.url)),
    10,
  );
  await sleep(HUMAN_WAIT_MS);
  const plusAnswers = await pool(
    tokens.map((tokenForm, i) => () => {
      const mailbox = i % mailboxes;
      const enquiry = {
        ...drillEnquiry("plus", i, topic(i)),
        email: `mailbox${mailbox}+${Math.floor(i / mailboxes)}@drill.example`,
      };
      return submitEnquiry(server.url, tokenForm, enquiry, { js: i % 2 === 0, localAddress: "127.0.0.77" });
    }),
    10,
  );

  // 3. One captured token, replayed with different addresses.
  const captured = await loadContactForm(server.url);
  await sleep(HUMAN_WAIT_MS);
  const replayAnswers = await pool(
    Array.from(
      { length: replays },
      (_, i) => () =>
        submitEnquiry(
          server.url,
          captured,
          { ...drillEnquiry("replay", i, topic(i)), email: `replay${i}@drill.example` },
          { js: i % 2 === 1, localAddress: "127.0.0.88" },
        ),
    ),
    5,
  );

  // 4. The rest of the prospects, after the flood.
  const afterFlood = Array.from({ length: prospects - during }, (_, i) =>
    person(server, during + i, topic(during + i)),
  );
  const prospectAnswers = await Promise.all([...duringFlood, ...afterFlood]);
  const prospectEmails = new Set(prospectAnswers.map((answer) => answer.enquiry.email));

  // The owner emails go out after each answer; wait for the prospects' and the digest (if any) to arrive.
  const policy = policyFor("enquiry");
  const ownerEmailsFor = (email: string) =>
    server.fake.deliveries.filter((d) => d.reply_to === email && !String(d.subject).includes("held")).length;
  await waitUntil(() => [...prospectEmails].every((email) => ownerEmailsFor(email) >= 1), 20_000);
  await waitUntil(() => server.fake.deliveries.some((d) => String(d.subject).includes("held")), 5_000);
  await sleep(500); // a duplicate would arrive within this

  const rows = await enquiryRows(server);
  const byStatus: Record<string, number> = {};
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  const db = server.db();
  let spamCounted = 0;
  try {
    spamCounted = Number((await db.execute("SELECT coalesce(sum(count), 0) AS n FROM spam_counts")).rows[0]!.n);
  } finally {
    db.close();
  }
  const replayAddresses = new Set(replayAnswers.map((answer) => answer.enquiry.email));
  const digests = server.fake.deliveries.filter((d) => String(d.subject).includes("held")).length;
  const groups = {
    junk: summarise(junkAnswers),
    plusTagged: summarise(plusAnswers),
    replays: summarise(replayAnswers),
    prospects: summarise(prospectAnswers),
  };
  const out: LockoutResult = {
    seconds: (performance.now() - started) / 1000,
    junkSeconds,
    groups,
    rowsStored: rows.length,
    rowsCap: policy.storedRows.max,
    byStatus,
    spamCounted,
    ownerEmails: server.fake.deliveries.filter((d) => !String(d.subject).includes("held")).length,
    digests,
    prospectsConfirmed: prospectAnswers.filter((answer) => answer.state === "success").length,
    prospectsStored: rows.filter((row) => prospectEmails.has(row.email) && row.status !== "spam").length,
    prospectsEmailedOnce: [...prospectEmails].filter((email) => ownerEmailsFor(email) === 1).length,
    replayEmails: server.fake.deliveries.filter((d) => replayAddresses.has(String(d.reply_to))).length,
    fiveXx: Object.values(groups).reduce((sum, group) => sum + group.fiveXx, 0),
    ok: false,
  };
  out.ok =
    out.prospectsConfirmed === prospects &&
    out.prospectsStored === prospects &&
    out.prospectsEmailedOnce === prospects &&
    out.replayEmails <= 1 &&
    out.fiveXx === 0 &&
    out.rowsStored <= out.rowsCap &&
    out.digests <= 1;
  return out;
}
