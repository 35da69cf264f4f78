/**
 * Drill: a flood from many networks. Against `npm start` with the DEFAULT configuration (no TRUST_PROXY, no
 * CONTACT_FORM_SECRET, the 3 s minimum, the 30-an-hour owner emails) and the fake Resend; every sender connects
 * from its own loopback address (127.x.y.z), so the server tells clients and networks (/24) apart by the socket.
 *
 *   1. believable: N networks × M enquiries, each on its own form, sent after the 3 s minimum (they spend the
 *      hour's owner emails);
 *   2. flood: F enquiries from one network (20 addresses of one /24), each on its own form, sent after a person's
 *      timing with every signal a bot can fake (the page's script field, qualifying answers, a source article);
 *   3. prospects: 3 real people, each from a network of their own, who opened their page before the flood and send
 *      after it: one with JavaScript who answers everything, one without JavaScript who answers nothing optional,
 *      one whose tab was open for 25 hours (an expired token).
 *
 * The bots' forms carry tokens signed with the server's own secret (read from its database, as the page signs
 * them) at the age each bot waits: the server cannot tell them from page loads, and the drill skips the renders.
 *
 * Then the author's tools, as the author runs them: `npm run enquiries -- --held --json` and
 * `npm run enquiries -- --send-digest` (the digest read from what the fake provider received).
 *
 * Invariants (the issue's): all 3 prospects confirmed and stored; each either emailed once, or held and in the top 3
 * of the held review and of the digest; rows stored ≤ 120; no 5xx. The newsletter's counterpart: flood-newsletter.ts.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { signFormToken } from "../../lib/contact/spam";
import { childEnv } from "../shared/proc";
import { loadContactForm, pool, type ContactForm, type Enquiry } from "../shared/form";
import { drillEnquiry, sleep, submitEnquiry, waitUntil, type EnquiryAnswer } from "./lib/enquire";
import { enquiryRows, type DrillServer } from "./lib/server";

const run = promisify(execFile);

export type FloodOptions = { networks?: number; perNetwork?: number; flood?: number };

export const FLOOD_ROWS_MAX = 120;

/** A person's timing as the held review counts it (lib/contact/held-rank.ts HUMAN_MIN_MS is 15 s), plus margin. */
const HUMAN_WAIT_MS = 16_000;
/** Past the 3 s minimum of the default configuration, as a believable bot waits. */
const BOT_WAIT_MS = 3_300;
const POST_SLUG = "code-review-is-a-conversation-not-a-gate";

export type ProspectResult = {
  label: string;
  email: string;
  answer: string;
  stored: boolean;
  status: string | null;
  ownerEmails: number;
  /** 1-based position in `npm run enquiries -- --held` and in the digest; null when not listed. */
  heldRank: number | null;
  digestRank: number | null;
  ok: boolean;
};

export type FloodResult = {
  seconds: number;
  /** Milliseconds per phase. */
  phases: Record<string, number>;
  answers: Record<"believable" | "flood" | "prospects", Record<string, number>>;
  rowsStored: number;
  byStatus: Record<string, number>;
  heldCounted: number;
  /** Why owner emails failed, if any did (they stay stored and are retried). */
  failedErrors: string[];
  ownerEmails: number;
  digests: number;
  prospects: ProspectResult[];
  heldTop: string[];
  digestTop: string[];
  fiveXx: number;
  ok: boolean;
};

/** The three real prospects: the strongest case, the weakest real person, and a page left open overnight. */
const prospectSpecs = [
  {
    label: "JavaScript, every answer, from an article",
    email: "ada.real@analytical.example",
    js: true,
    extra: { source: POST_SLUG, teamSize: "10-40", timeline: "this-quarter", helpKind: "advisory", script: "js:143" },
    expired: false,
  },
  {
    label: "no JavaScript, nothing optional",
    email: "grace.real@compilers.example",
    js: false,
    extra: {},
    expired: false,
  },
  {
    label: "no JavaScript, tab open 25 hours (expired token)",
    email: "edsger.real@structured.example",
    js: false,
    extra: {},
    expired: true,
  },
] as const;

/** Runs scripts/enquiries.ts as the owner does, against the drill server's database and provider. */
async function enquiriesCli(server: DrillServer, args: string[]): Promise<string> {
  const cwd = process.cwd();
  const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/enquiries.ts", ...args], {
    cwd,
    env: childEnv(cwd, server.env),
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

const tally = (answers: EnquiryAnswer[]) => {
  const byState: Record<string, number> = {};
  for (const answer of answers) byState[answer.state] = (byState[answer.state] ?? 0) + 1;
  return byState;
};

/** The form secret the server generated into its database (the default configuration has none in the environment). */
async function formSecret(server: DrillServer): Promise<string> {
  const db = server.db();
  try {
    const row = (await db.execute("SELECT value FROM settings WHERE key = 'form_secret'")).rows[0];
    if (!row) throw new Error("the server has not generated its form secret");
    return String(row.value);
  } finally {
    db.close();
  }
}

export async function runFlood(
  server: DrillServer,
  { networks = 6, perNetwork = 5, flood = 200 }: FloodOptions = {},
): Promise<FloodResult> {
  server.fake.reset();
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    phases[name] = Math.round(performance.now() - mark);
    mark = performance.now();
  };
  const probe = await loadContactForm(server.url);
  const topic = (i: number) => probe.topics[i % probe.topics.length]!;
  const secret = await formSecret(server);
  // The real prospects open their pages now and send once the flood is over (a person writes while bots post).
  const prospectForms = await Promise.all(prospectSpecs.map(() => loadContactForm(server.url)));
  /**
   * A bot's own form: the page's fields with a token rendered `ageMs` ago, signed with the server's secret exactly as
   * the page signs it, so the server cannot tell it from a page load (and the drill skips hundreds of renders).
   */
  const botForm = (ageMs: number): ContactForm => ({ ...probe, formToken: signFormToken(Date.now() - ageMs, secret) });
  const all: EnquiryAnswer[] = [];
  phase("setup");

  // 1. Believable enquiries from N networks, M each, sent after the 3 s minimum: they spend the hour's owner emails.
  const believable = await pool(
    Array.from({ length: networks * perNetwork }, (_, i) => () => {
      const network = Math.floor(i / perNetwork) + 1;
      const enquiry = { ...drillEnquiry("visitor", i, topic(i)), email: `visitor-${i}@net${network}.example` };
      return submitEnquiry(server.url, botForm(BOT_WAIT_MS), enquiry, {
        js: i % 2 === 0,
        localAddress: `127.21.${network}.1`,
      });
    }),
    10,
  );
  all.push(...believable);
  phase("believable");

  // 2. The flood from one network: 20 addresses of one /24, every signal a bot can fake, a person's timing included.
  const floodAnswers = await pool(
    Array.from({ length: flood }, (_, i) => () => {
      const enquiry: Enquiry = {
        ...drillEnquiry("lead", i, topic(i)),
        email: `lead-${i}@prospects${i % 40}.example`,
        source: POST_SLUG,
        teamSize: "40-100",
        timeline: "now",
        helpKind: "review",
        script: "js:57",
      };
      return submitEnquiry(server.url, botForm(HUMAN_WAIT_MS), enquiry, {
        js: i % 2 === 1,
        localAddress: `127.22.0.${1 + (i % 20)}`,
      });
    }),
    10,
  );
  all.push(...floodAnswers);
  phase("flood");

  // 3. The three real prospects send, each from a network of their own, at least a person's time after their page.
  await sleep(Math.max(0, Math.max(...prospectForms.map((form) => form.fetchedAt)) + HUMAN_WAIT_MS - Date.now()));
  const prospectAnswers = await Promise.all(
    prospectSpecs.map((spec, k) => {
      const enquiry: Enquiry = {
        ...drillEnquiry("prospect", k, topic(k)),
        name: `Real Prospect ${k + 1}`,
        email: spec.email,
        ...spec.extra,
      };
      // The third left the tab open for 25 hours: its token, rendered then, has expired.
      const formToken = spec.expired ? signFormToken(Date.now() - 25 * 60 * 60_000, secret) : undefined;
      return submitEnquiry(server.url, prospectForms[k]!, enquiry, {
        js: spec.js,
        localAddress: `127.23.${k + 1}.1`,
        formToken,
      });
    }),
  );
  all.push(...prospectAnswers);
  phase("prospects");

  // The owner emails and any digest go out after each answer: wait until they stop arriving.
  let seen = -1;
  await waitUntil(
    () => {
      const now = server.fake.deliveries.length;
      const settled = now === seen;
      seen = now;
      return settled;
    },
    20_000,
    500,
  );

  // The author's review and a digest sent now, as the author runs them.
  const heldJson = JSON.parse(await enquiriesCli(server, ["--held", "--json", "--limit", "50"])) as {
    held: { entries: Array<{ email: string }> };
  };
  const heldTop = heldJson.held.entries.map((entry) => entry.email);
  const digestsBefore = server.fake.deliveries.filter((d) => String(d.subject).includes("held")).length;
  await enquiriesCli(server, ["--send-digest"]);
  await waitUntil(
    () => server.fake.deliveries.filter((d) => String(d.subject).includes("held")).length > digestsBefore,
    10_000,
  );
  const digests = server.fake.deliveries.filter((d) => String(d.subject).includes("held"));
  const digestText = String(digests.at(-1)?.text ?? "");
  const digestTop = [...digestText.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)].map((m) => m[1]!.toLowerCase());
  phase("review and digest");

  const rows = await enquiryRows(server);
  const byStatus: Record<string, number> = {};
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  const db = server.db();
  let heldCounted = 0;
  try {
    heldCounted = Number((await db.execute("SELECT coalesce(sum(count), 0) AS n FROM held_counts")).rows[0]!.n);
  } finally {
    db.close();
  }
  const ownerEmailsTo = (email: string) =>
    server.fake.deliveries.filter((d) => d.reply_to === email && !String(d.subject).includes("held")).length;
  const rankIn = (list: string[], email: string) => {
    const at = [...new Set(list)].indexOf(email);
    return at < 0 ? null : at + 1;
  };
  const prospects = prospectSpecs.map((spec, k): ProspectResult => {
    const row = rows.find((r) => r.email === spec.email && r.status !== "spam");
    const heldRank = rankIn(heldTop, spec.email);
    const digestRank = rankIn(digestTop, spec.email);
    const emailedOnce = ownerEmailsTo(spec.email) === 1;
    const heldOnTop =
      row?.status === "held" && heldRank !== null && heldRank <= 3 && digestRank !== null && digestRank <= 3;
    return {
      label: spec.label,
      email: spec.email,
      answer: prospectAnswers[k]!.state,
      stored: Boolean(row),
      status: row?.status ?? null,
      ownerEmails: ownerEmailsTo(spec.email),
      heldRank,
      digestRank,
      ok: prospectAnswers[k]!.state === "success" && Boolean(row) && (emailedOnce || heldOnTop),
    };
  });
  const fiveXx = all.filter((answer) => typeof answer.status === "number" && answer.status >= 500).length;
  const result: FloodResult = {
    seconds: (performance.now() - started) / 1000,
    phases,
    answers: { believable: tally(believable), flood: tally(floodAnswers), prospects: tally(prospectAnswers) },
    rowsStored: rows.length,
    byStatus,
    heldCounted,
    failedErrors: [...new Set(rows.filter((row) => row.status === "failed").map((row) => String(row.last_error)))],
    ownerEmails: server.fake.deliveries.filter((d) => !String(d.subject).includes("held")).length,
    digests: digests.length,
    prospects,
    heldTop: [...new Set(heldTop)].slice(0, 5),
    digestTop: [...new Set(digestTop)].slice(0, 5),
    fiveXx,
    ok: false,
  };
  result.ok = prospects.every((p) => p.ok) && result.rowsStored <= FLOOD_ROWS_MAX && fiveXx === 0;
  return result;
}
