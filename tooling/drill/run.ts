/**
 * `npm run drill`: the fault, fuzz and load drills, against
 * production builds served by `next start` on 127.0.0.1, with the fake
 * Resend in this process. Prints one summary table (and the details of any
 * failed invariant), writes tooling/drill/results.json, and exits 1 when an invariant
 * does not hold.
 *
 *   npm run drill                        # everything, full size
 *   npm run drill -- --only bad-input,load --fuzz 300 --enquiries 50 --seconds 5
 *   npm run drill -- --skip-build        # reuse the existing .next build
 *   npm run drill -- --only lockout      # bots against the default configuration (no TRUST_PROXY, no secrets)
 *   npm run drill -- --only flood        # believable floods from many networks, then real prospects (default config)
 *   npm run drill -- --only newsletter --signups 30    # the newsletter's faults (drill/newsletter.ts)
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { runBadInput, type BadInputResult } from "./bad-input";
import { floodLines, runFloodDrill, type FloodDrillResult } from "./flood-table";
import { runHostileContent, type HostileContentResult } from "./hostile-content";
import { startDrillServer, type DrillServer } from "./lib/server";
import { runLoad, type LoadResult } from "./load";
import { runLockout, type LockoutResult } from "./lockout";
import {
  NEWSLETTER_DRILL_MAX_SIGNUPS,
  NEWSLETTER_SEGMENT,
  runNewsletterDrill,
  type NewsletterDrillResult,
} from "./newsletter";
import { runProviderDown, type ProviderDownResult } from "./provider-down";
import { runStoreFaults, type StoreFaultsResult } from "./store-faults";

const DRILLS = [
  "bad-input",
  "provider-down",
  "store-faults",
  "load",
  "lockout",
  "flood",
  "hostile-content",
  "newsletter",
] as const;
type Drill = (typeof DRILLS)[number];

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    fuzz: { type: "string", default: "1000" },
    enquiries: { type: "string", default: "200" },
    signups: { type: "string", default: String(NEWSLETTER_DRILL_MAX_SIGNUPS) },
    connections: { type: "string", default: "200" },
    seconds: { type: "string", default: "20" },
    "skip-build": { type: "boolean", default: false },
  },
});
const selected = new Set<Drill>(values.only ? (values.only.split(",") as Drill[]) : DRILLS);
for (const name of selected)
  if (!DRILLS.includes(name)) throw new Error(`unknown drill ${name}; choose from ${DRILLS.join(", ")}`);

const log = (line: string) => console.log(line);
const results: Partial<{
  "bad-input": BadInputResult;
  "provider-down": ProviderDownResult;
  "store-faults": StoreFaultsResult;
  load: LoadResult;
  lockout: LockoutResult;
  flood: FloodDrillResult;
  "hostile-content": HostileContentResult;
  newsletter: NewsletterDrillResult;
}> = {};
const failures: string[] = [];

function ensureBuild() {
  if (values["skip-build"] && existsSync(".next/BUILD_ID")) return;
  log("Building the site once (npm run build) …");
  const result = spawnSync("npm", ["run", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: "" },
  });
  if (result.status !== 0) throw new Error("npm run build failed");
}

/** A fresh server (database, provider) per drill, so no drill's rows or limits affect another's figures. */
async function withServer<T>(
  name: string,
  work: (server: DrillServer) => Promise<T>,
  options: Parameters<typeof startDrillServer>[0] = {},
): Promise<T> {
  log(`▶ ${name} …`);
  const server = await startDrillServer(options);
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

const started = performance.now();
const needsMainBuild = [...selected].some((name) => name !== "hostile-content");
if (needsMainBuild) ensureBuild();

/** A drill that throws is reported as failed; the others still run and the table is still printed. */
const crashed: string[] = [];
async function attempt<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    crashed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2_000));
    return undefined;
  }
}

if (selected.has("bad-input"))
  results["bad-input"] = await attempt("bad input", () =>
    withServer("bad input", (s) => runBadInput(s, { count: Number(values.fuzz) })),
  );
if (selected.has("provider-down"))
  results["provider-down"] = await attempt("provider down", () =>
    withServer("provider down", (s) => runProviderDown(s, { count: Number(values.enquiries) })),
  );
if (selected.has("store-faults"))
  results["store-faults"] = await attempt("store faults", () =>
    withServer("store faults", (s) => runStoreFaults(s, { count: 10 })),
  );
if (selected.has("load"))
  results.load = await attempt("load", () =>
    withServer("load", (s) =>
      runLoad(s, { connections: Number(values.connections), durationSeconds: Number(values.seconds) }),
    ),
  );
if (selected.has("lockout"))
  results.lockout = await attempt("lockout", () =>
    withServer("lockout (default configuration)", (s) => runLockout(s), { defaults: true }),
  );
if (selected.has("flood"))
  results.flood = await attempt("flood", () =>
    withServer("flood from many networks (default configuration)", (s) => runFloodDrill(s), { defaults: true }),
  );
if (selected.has("newsletter")) {
  const signups = Number(values.signups);
  results.newsletter = await attempt("newsletter", () =>
    withServer("newsletter", (s) => runNewsletterDrill(s, { count: signups, badInput: Number(values.fuzz) / 5 }), {
      env: { RESEND_SEGMENT_ID: NEWSLETTER_SEGMENT },
    }),
  );
}
if (selected.has("hostile-content")) {
  log("▶ drafts and hostile content (own build in a throwaway copy) …");
  results["hostile-content"] = await attempt("drafts and hostile content", () => runHostileContent({ log }));
}

// ---------------------------------------------------------------- the table
type Line = [drill: string, figure: string, value: string, expected: string, ok: boolean];
const lines: Line[] = [];
const add = (drill: string, figure: string, value: string | number, expected: string, ok: boolean) =>
  lines.push([drill, figure, String(value), expected, ok]);

const bad = results["bad-input"];
if (bad) {
  const d = "Bad input";
  add(d, "malformed submissions sent", bad.cases, "≥ 1,000", bad.cases >= Number(values.fuzz));
  for (const klass of ["2xx", "3xx", "4xx", "5xx", "network"] as const)
    add(
      d,
      `  answered ${klass}`,
      bad.byClass[klass],
      klass === "5xx" ? "0" : "—",
      klass !== "5xx" || bad.byClass[klass] === 0,
    );
  add(
    d,
    "  by status",
    Object.entries(bad.byStatus)
      .map(([status, n]) => `${status}×${n}`)
      .join(" "),
    "—",
    true,
  );
  add(
    d,
    "connection errors (outside 10 MB bodies)",
    bad.networkErrorsOutsideOversize,
    "0",
    bad.networkErrorsOutsideOversize === 0,
  );
  add(d, "emails sent", bad.emailsSent, "0", bad.emailsSent === 0);
  add(
    d,
    "rows stored (only well-formed bot posts, as spam)",
    `${bad.rowsStored} (${bad.rowsStoredAsSpam} spam)`,
    "spam only",
    bad.rowsViolating.length === 0,
  );
  add(d, "payloads reflected unescaped", bad.reflected.length, "0", bad.reflected.length === 0);
  add(d, "errors in the server log", bad.loggedErrors.length, "—", true);
  add(
    d,
    "pages served + a real enquiry emailed afterwards",
    `${bad.servesAfterwards ? "yes" : "NO"} / ${bad.validEnquiryAfterwards ? "yes" : "NO"}`,
    "yes / yes",
    bad.servesAfterwards && bad.validEnquiryAfterwards,
  );
  const hook = bad.webhook;
  add(
    d,
    "booking webhook: unexpected answers / bookings changed",
    hook ? `${hook.unexpected.length} of ${hook.cases} / ${hook.bookingsChanged.length}` : "not run",
    "0 / 0",
    Boolean(hook && hook.unexpected.length === 0 && hook.bookingsChanged.length === 0),
  );
  add(
    d,
    "booking webhook: by status",
    hook
      ? Object.entries(hook.byStatus)
          .map(([status, n]) => `${status}×${n}`)
          .join(" ")
      : "not run",
    "—",
    true,
  );
  add(
    d,
    "booking webhook: a signed event books once afterwards",
    hook ? String(hook.bookedAfterwards) : "not run",
    "true",
    hook?.bookedAfterwards === true,
  );
  add(d, "duration", `${bad.seconds.toFixed(1)} s`, "—", true);
  if (!bad.ok)
    failures.push(
      ...bad.fiveXx,
      ...bad.rowsViolating,
      ...bad.reflected.map((r) => `reflected: ${r}`),
      ...(hook?.unexpected ?? ["booking webhook fuzz not run"]),
      ...(hook?.bookingsChanged.map((id) => `booking changed: ${id}`) ?? []),
    );
}
const down = results["provider-down"];
if (down) {
  const d = "Provider down";
  add(d, "enquiries while the provider fails", down.enquiries, "200", true);
  add(
    d,
    "  answered success to the prospect",
    `${down.answeredSuccess} (p50 ${down.answerP50Ms.toFixed(0)} ms, p95 ${down.answerP95Ms.toFixed(0)} ms)`,
    String(down.enquiries),
    down.answeredSuccess === down.enquiries,
  );
  add(
    d,
    "  provider answers during the outage",
    Object.entries(down.outageAnswers)
      .map(([a, n]) => `${a}×${n}`)
      .join(" "),
    "failures only",
    true,
  );
  add(
    d,
    "  stored / failed, awaiting retry",
    `${down.stored} / ${down.failedDuringOutage}`,
    `${down.enquiries} / ${down.enquiries}`,
    down.stored === down.enquiries && down.failedDuringOutage === down.enquiries,
  );
  add(d, "  accepted by the provider, answer lost", down.deliveredButUnacknowledged, "—", true);
  // A run exits 1 when something is still unsent as it ends: the run racing it may still be sending.
  add(
    d,
    "retry runs: 2 at once, then 1 (exit codes)",
    down.retryRuns.map((r) => `${r.code}`).join(", "),
    "last 0",
    down.retryRuns.at(-1)?.code === 0,
  );
  add(
    d,
    "  their summaries",
    down.retryRuns
      .map((r) =>
        r.summary
          .replace(/^Done: /, "")
          .replace(/\s*Every enquiry has been emailed\./, "")
          .replace(/ still unsent.*$/, " unsent"),
      )
      .join(" | "),
    "—",
    true,
  );
  add(
    d,
    "emailed exactly once",
    down.emailedExactlyOnce,
    String(down.enquiries),
    down.emailedExactlyOnce === down.enquiries,
  );
  add(d, "resends absorbed by the idempotency key", down.resendsAbsorbedByIdempotencyKey, "—", true);
  add(
    d,
    "lost / duplicates / stray emails",
    `${down.lost} / ${down.duplicates} / ${down.strayDeliveries}`,
    "0 / 0 / 0",
    down.lost === 0 && down.duplicates === 0 && down.strayDeliveries === 0,
  );
  add(d, "duration", `${down.seconds.toFixed(1)} s`, "—", true);
  if (!down.ok) failures.push(`provider down: ${JSON.stringify(down.retryRuns)}`);
}
const store = results["store-faults"];
if (store) {
  for (const p of store.phases) {
    const d = `Store ${p.fault}`;
    add(d, "submissions during the fault", p.submitted, "—", true);
    add(
      d,
      "  clear error / values kept / mailto",
      `${p.clearError} / ${p.valuesKept} / ${p.mailtoFallback}`,
      `${p.submitted} each`,
      p.clearError === p.submitted && p.valuesKept === p.submitted && p.mailtoFallback === p.submitted,
    );
    add(d, "  answer time p50 / max", `${p.answerP50Ms.toFixed(0)} / ${p.answerMaxMs.toFixed(0)} ms`, "—", true);
    add(
      d,
      "  stored / emailed during the fault",
      `${p.storedDuringFault} / ${p.emailedDuringFault}`,
      "0 / 0",
      p.storedDuringFault === 0 && p.emailedDuringFault === 0,
    );
    add(
      d,
      "  server up, pages served",
      p.alive && p.servedPagesDuringFault ? "yes" : "NO",
      "yes",
      p.alive && p.servedPagesDuringFault,
    );
    add(
      d,
      "  after recovery: stored / emailed",
      `${p.recoveredStored} / ${p.recoveredEmailed}`,
      `${p.submitted} / ${p.submitted}`,
      p.recoveredStored === p.submitted && p.recoveredEmailed === p.submitted,
    );
    add(d, "  how the fault was made", p.mechanism, "—", true);
  }
}
const load = results.load;
if (load) {
  const d = "Load";
  add(
    d,
    `readers (${load.connections} connections, ${load.seconds} s, ${load.paths} URLs)`,
    `${load.requests} requests, ${load.requestsPerSecond}/s`,
    "—",
    true,
  );
  add(
    d,
    "  latency p50 / p99 / max",
    `${load.latencyP50Ms} / ${load.latencyP99Ms} / ${load.latencyMaxMs} ms`,
    "—",
    true,
  );
  add(
    d,
    "  errors / timeouts / non-2xx",
    `${load.errors} / ${load.timeouts} / ${load.non2xx}`,
    "0 / 0 / 0",
    load.errors === 0 && load.timeouts === 0 && load.non2xx === 0,
  );
  add(
    d,
    "enquiries meanwhile: success / stored / emailed",
    `${load.enquiriesSucceeded} / ${load.enquiriesStored} / ${load.enquiriesEmailed} of ${load.enquiries}`,
    "all",
    load.ok,
  );
  add(
    d,
    "  enquiry answer p50 / p95",
    `${load.enquiryP50Ms.toFixed(0)} / ${load.enquiryP95Ms.toFixed(0)} ms`,
    "—",
    true,
  );
}
const lockout = results.lockout;
if (lockout) {
  const d = "Lockout";
  const fmt = (g: LockoutResult["groups"]["junk"]) =>
    `${Object.entries(g.byState)
      .map(([state, n]) => `${state}×${n}`)
      .join(" ")} (p50 ${g.p50Ms.toFixed(0)} ms, p95 ${g.p95Ms.toFixed(0)} ms)`;
  add(
    d,
    `junk posts, one client, JS off, bot timing (${lockout.junkSeconds.toFixed(1)} s)`,
    `${lockout.groups.junk.sent}: ${fmt(lockout.groups.junk)}`,
    "—",
    true,
  );
  add(
    d,
    "plus-tagged posts, one client, 50 mailboxes",
    `${lockout.groups.plusTagged.sent}: ${fmt(lockout.groups.plusTagged)}`,
    "—",
    true,
  );
  add(d, "replays of one captured token", `${lockout.groups.replays.sent}: ${fmt(lockout.groups.replays)}`, "—", true);
  add(
    d,
    "real prospects (≥ 3 s, own addresses)",
    `${lockout.groups.prospects.sent}: ${fmt(lockout.groups.prospects)}`,
    "—",
    true,
  );
  add(
    d,
    "  confirmed / stored / emailed exactly once",
    `${lockout.prospectsConfirmed} / ${lockout.prospectsStored} / ${lockout.prospectsEmailedOnce}`,
    "all",
    lockout.prospectsConfirmed === lockout.groups.prospects.sent &&
      lockout.prospectsStored === lockout.groups.prospects.sent &&
      lockout.prospectsEmailedOnce === lockout.groups.prospects.sent,
  );
  add(
    d,
    "rows stored (by status)",
    `${lockout.rowsStored} (${Object.entries(lockout.byStatus)
      .map(([status, n]) => `${status} ${n}`)
      .join(", ")})`,
    `≤ ${lockout.rowsCap}`,
    lockout.rowsStored <= lockout.rowsCap,
  );
  add(d, "spam counted (stored sample + the rest)", lockout.spamCounted, "—", true);
  add(d, "owner emails / held digests", `${lockout.ownerEmails} / ${lockout.digests}`, "— / ≤ 1", lockout.digests <= 1);
  add(d, "emails from the replays", lockout.replayEmails, "≤ 1", lockout.replayEmails <= 1);
  add(d, "5xx answers", lockout.fiveXx, "0", lockout.fiveXx === 0);
  add(d, "duration", `${lockout.seconds.toFixed(1)} s`, "—", true);
}
if (results.flood) {
  lines.push(...floodLines(results.flood));
  if (!results.flood.ok)
    failures.push(
      `flood: ${JSON.stringify({ prospects: results.flood.enquiries.prospects, dishonest: results.flood.newsletter.dishonest.slice(0, 5), genuine: results.flood.newsletter.genuine }).slice(0, 1_500)}`,
    );
}
const news = results.newsletter;
if (news) {
  const d = "Newsletter";
  const { badInput: b, providerDown: p, confirm: c, replay: r, resubscribe: s, unsubscribe: u } = news;
  add(
    d,
    "malformed/hostile addresses sent",
    `${b.sent} (${Object.entries(b.byStatus)
      .map(([k, n]) => `${k}×${n}`)
      .join(" ")})`,
    "—",
    true,
  );
  add(
    d,
    "  field error each / 5xx",
    `${b.fieldErrors} / ${b.fiveXx}`,
    `${b.sent} / 0`,
    b.fieldErrors === b.sent && b.fiveXx === 0,
  );
  add(
    d,
    "  stored / emailed / reflected raw",
    `${b.stored} / ${b.emailsSent} / ${b.reflectedRaw.length}`,
    "0 / 0 / 0",
    b.stored === 0 && b.emailsSent === 0 && b.reflectedRaw.length === 0,
  );
  add(d, "sign-ups while the provider fails", p.signups, "—", true);
  add(
    d,
    '  answered "check your inbox" (p50 / p95)',
    `${p.answeredCheckInbox} (${p.answerP50Ms.toFixed(0)} / ${p.answerP95Ms.toFixed(0)} ms)`,
    String(p.signups),
    p.answeredCheckInbox === p.signups,
  );
  add(
    d,
    "  provider answers during the outage",
    Object.entries(p.outageAnswers)
      .map(([a, n]) => `${a}×${n}`)
      .join(" "),
    "failures only",
    true,
  );
  add(d, "  pending, confirmation failed", p.pendingAfterOutage, String(p.signups), p.pendingAfterOutage === p.signups);
  add(
    d,
    "newsletter:retry: 2 at once, then 1 (exit codes)",
    p.retryRuns.map((run) => run.code).join(", "),
    "last 0",
    p.retryRuns.at(-1)?.code === 0,
  );
  add(
    d,
    "  confirmation emailed exactly once / duplicates",
    `${p.confirmationsExactlyOnce} / ${p.duplicates}`,
    `${p.signups} / 0`,
    p.confirmationsExactlyOnce === p.signups && p.duplicates === 0,
  );
  add(d, "  resends absorbed by the idempotency key", p.resendsAbsorbed, "—", true);
  add(
    d,
    "links followed: confirmed pages / rows / in segment",
    `${c.confirmedPages} / ${c.confirmedRows} / ${c.inSegment}`,
    `${c.followed} each`,
    c.confirmedPages === c.followed && c.confirmedRows === c.followed && c.inSegment === c.followed,
  );
  add(
    d,
    "links fetched by a mail scanner (GET only): pages / rows changed",
    `${c.scannerGets} / ${c.scannerConfirmed}`,
    `${c.followed} / 0`,
    c.scannerGets === c.followed && c.scannerConfirmed === 0,
  );
  add(
    d,
    'links replayed: "already used" / rows changed / Resend calls',
    `${r.usedPages} / ${r.rowsChanged} / ${r.providerCallsAdded}`,
    `${r.replayed} / 0 / 0`,
    r.usedPages === r.replayed && r.rowsChanged === 0 && r.providerCallsAdded === 0,
  );
  add(
    d,
    "confirmed addresses subscribed again: same answer / emails",
    `${s.answeredCheckInbox} / ${s.emailsAdded}`,
    `${s.sent} / 0`,
    s.answeredCheckInbox === s.sent && s.emailsAdded === 0,
  );
  add(
    d,
    "unsubscribe links: pages / rows / in Resend",
    `${u.unsubscribedPages} / ${u.unsubscribedRows} / ${u.unsubscribedInResend}`,
    `${u.followed} each`,
    u.unsubscribedPages === u.followed && u.unsubscribedRows === u.followed && u.unsubscribedInResend === u.followed,
  );
  add(d, "errors in the server log", news.loggedErrors.length, "0", news.loggedErrors.length === 0);
  add(d, "duration", `${news.seconds.toFixed(1)} s`, "—", true);
  if (!news.ok)
    failures.push(
      `newsletter: ${JSON.stringify({ ...news, loggedErrors: news.loggedErrors.slice(0, 5) }).slice(0, 1_500)}`,
    );
}
const hostile = results["hostile-content"];
if (hostile) {
  const d = "Drafts & hostile";
  add(d, "build of the copy (content + next build)", `${hostile.buildSeconds.toFixed(0)} s`, "—", true);
  add(
    d,
    "responses scanned",
    `${hostile.urlsFetched} (${(hostile.bytesScanned / 1024 / 1024).toFixed(1)} MiB): ${Object.entries(hostile.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")}`,
    "—",
    true,
  );
  add(d, "  draft text in a response", hostile.draftLeaks.length, "0", hostile.draftLeaks.length === 0);
  add(d, "  draft URLs not 404", hostile.draftUrlsNot404.length, "0", hostile.draftUrlsNot404.length === 0);
  add(
    d,
    "  draft text in servable build files",
    `${hostile.buildFileLeaks.length} of ${hostile.buildFilesScanned} files`,
    "0",
    hostile.buildFileLeaks.length === 0,
  );
  add(d, "  raw hostile title in HTML/XML", hostile.hostileRaw.length, "0", hostile.hostileRaw.length === 0);
  for (const [check, ok] of Object.entries(hostile.hostileChecks)) add(d, `  ${check}`, ok ? "yes" : "NO", "yes", ok);
  if (!hostile.ok)
    failures.push(
      ...hostile.draftLeaks,
      ...hostile.draftUrlsNot404,
      ...hostile.buildFileLeaks,
      ...hostile.hostileRaw,
      ...hostile.fetchErrors,
    );
}

for (const crash of crashed) lines.push([crash.split(":")[0]!, "the drill itself failed", "see below", "runs", false]);
failures.unshift(...crashed);

const widths = [0, 1, 2, 3].map((col) =>
  Math.max(...lines.map((line) => String(line[col]).length), ["Drill", "Figure", "Result", "Expected"][col]!.length),
);
const row = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 2)).join(" | ")} |`;
console.log("");
console.log(row(["Drill", "Figure", "Result", "Expected", "OK"]));
console.log(row(widths.map((w) => "-".repeat(w)).concat("--")));
let previous = "";
for (const [drill, figure, value, expected, ok] of lines) {
  console.log(row([drill === previous ? "" : drill, figure, value, expected, ok ? "✓" : "✗"]));
  previous = drill;
}
const allOk = lines.every((line) => line[4]);
console.log(
  `\n${allOk ? "Every invariant holds." : "✗ Some invariants do not hold:"} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
for (const failure of failures.slice(0, 40)) console.log(`  - ${failure}`);
writeFileSync(
  path.join("tooling", "drill", "results.json"),
  `${JSON.stringify({ at: new Date().toISOString(), ok: allOk, results }, null, 2)}\n`,
);
process.exit(allOk ? 0 : 1);
