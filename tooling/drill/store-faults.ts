/**
 * Drill: the enquiry database fails during submissions.
 * - locked: another process holds the write lock (BEGIN IMMEDIATE on the
 *   same file) while enquiries arrive, so each insert waits out the busy
 *   timeout and fails;
 * - read-only: the file and its folder lose write permission, so SQLite
 *   cannot start a write (it must create its rollback journal there). Root
 *   ignores permissions, so when the drill runs as root a directory is also
 *   put where the journal file goes, which fails the same way.
 * In both: the prospect gets the clear "could not be saved" answer with every
 * value kept and the mailto fallback, nothing is stored or sent, the server
 * stays up and serves pages; when the store returns, the same people send
 * again (with the token their answer carried) and it works.
 */
import { chmodSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

import { createClient } from "@libsql/client";

import {
  clientIp,
  drillEnquiry,
  loadContactForm,
  percentile,
  submitEnquiry,
  waitUntil,
  type EnquiryAnswer,
} from "./lib/enquire";
import { loadContactForms, waitForToken, type ContactForm } from "../shared/form";
import { enquiryRows, stillServes, type DrillServer } from "./lib/server";

export type FaultPhase = {
  fault: "locked" | "read-only";
  mechanism: string;
  submitted: number;
  clearError: number;
  valuesKept: number;
  mailtoFallback: number;
  storedDuringFault: number;
  emailedDuringFault: number;
  answerP50Ms: number;
  answerMaxMs: number;
  servedPagesDuringFault: boolean;
  alive: boolean;
  recoveredStored: number;
  recoveredEmailed: number;
  /** Status and last error of each recovered enquiry not emailed within the wait (empty when all were). */
  recoveredUnsent: string[];
};

export type StoreFaultsResult = { phases: FaultPhase[]; seconds: number; ok: boolean };

function valuesKept(answer: EnquiryAnswer): boolean {
  const { enquiry, values } = answer;
  return (["name", "email", "company", "topic", "message"] as const).every(
    (field) => (values[field] ?? "").replace(/\r\n/g, "\n") === enquiry[field],
  );
}

async function phase(
  server: DrillServer,
  form: ContactForm,
  fault: FaultPhase["fault"],
  count: number,
  offset: number,
  inject: () => Promise<{ mechanism: string; restore: () => Promise<void> }>,
): Promise<FaultPhase> {
  const topic = form.topics[0]!;
  const forms = await loadContactForms(server.url, count, { "x-forwarded-for": clientIp("store", offset) });
  const enquiries = Array.from({ length: count }, (_, i) => drillEnquiry(`store-${fault}`, offset + i, topic));
  const emails = new Set(enquiries.map((e) => e.email));
  const phaseDeliveries = () => server.fake.deliveries.filter((d) => emails.has(String(d.reply_to))).length;
  const rowsBefore = (await enquiryRows(server)).length;

  const { mechanism, restore } = await inject();
  let answers: EnquiryAnswer[];
  let served = false;
  try {
    // One form per enquiry: a token carries one enquiry (its answer carries the same token back for the retry).
    const submissions = Promise.all(
      enquiries.map((enquiry, i) =>
        submitEnquiry(server.url, forms[i]!, enquiry, { js: i % 2 === 0, ip: clientIp(`store-${fault}`, offset + i) }),
      ),
    );
    served = await stillServes(server.url);
    answers = await submissions;
  } finally {
    await restore();
  }
  const rowsDuring = (await enquiryRows(server)).length - rowsBefore;
  const emailedDuring = phaseDeliveries();
  const alive = server.alive();

  // The store is back: the same people press Send again, with the token their answer carried.
  const retried = await Promise.all(
    answers.map((answer, i) =>
      submitEnquiry(server.url, form, answer.enquiry, {
        js: i % 2 === 0,
        ip: clientIp(`store-${fault}`, offset + i),
        formToken: answer.formToken,
      }),
    ),
  );
  await waitUntil(() => phaseDeliveries() >= count, 15_000);
  const stored = (await enquiryRows(server)).filter((row) => emails.has(row.email));
  const ms = answers.map((a) => a.ms);
  return {
    fault,
    mechanism,
    submitted: count,
    clearError: answers.filter((a) => a.state === "error").length,
    valuesKept: answers.filter(valuesKept).length,
    mailtoFallback: answers.filter(
      (a) => a.mailto?.startsWith("mailto:") && decodeURIComponent(a.mailto).includes(a.enquiry.message.slice(0, 40)),
    ).length,
    storedDuringFault: rowsDuring,
    emailedDuringFault: emailedDuring,
    answerP50Ms: percentile(ms, 50),
    answerMaxMs: Math.max(...ms),
    servedPagesDuringFault: served,
    alive,
    recoveredStored:
      retried.filter((a) => a.state === "success").length === count
        ? stored.length
        : retried.filter((a) => a.state === "success").length,
    recoveredEmailed: phaseDeliveries(),
    // Why a recovered enquiry was not emailed in time, if one was not (its row's status and last error).
    recoveredUnsent: (await enquiryRows(server))
      .filter((row) => emails.has(row.email) && !server.fake.deliveries.some((d) => d.reply_to === row.email))
      .map((row) => `${row.status}: ${row.last_error ?? "-"}`),
  };
}

export async function runStoreFaults(
  server: DrillServer,
  { count = 10 }: { count?: number } = {},
): Promise<StoreFaultsResult> {
  const started = performance.now();
  server.fake.reset();
  const form = await loadContactForm(server.url, { "x-forwarded-for": clientIp("store", 0) });
  await waitForToken(form.fetchedAt);
  // One enquiry first, so the database exists and is migrated before it fails.
  const warm = await submitEnquiry(server.url, form, drillEnquiry("store-warm", 0, form.topics[0]!), {
    js: true,
    ip: clientIp("store-warm", 0),
  });
  if (warm.state !== "success")
    throw new Error(`the store-faults drill could not store its first enquiry: ${warm.state}`);
  // …and its email is sent and recorded before the first fault begins.
  await waitUntil(async () => (await enquiryRows(server)).every((row) => row.status === "sent"), 10_000);

  const locked = await phase(server, form, "locked", count, 1, async () => {
    // The drill may wait for the lock (a delivery may be writing); the server must not.
    const holder = createClient({ url: `file:${server.databaseFile}`, timeout: 10_000 });
    const transaction = await holder.transaction("write"); // BEGIN IMMEDIATE: the write lock, held
    await transaction.execute("UPDATE enquiries SET attempts = attempts WHERE 0");
    return {
      mechanism: "another connection holds BEGIN IMMEDIATE on the file",
      restore: async () => {
        await transaction.rollback();
        holder.close();
      },
    };
  });

  const readOnly = await phase(server, form, "read-only", count, 101, async () => {
    const file = server.databaseFile;
    const dir = path.dirname(file);
    const fileMode = statSync(file).mode & 0o777;
    const dirMode = statSync(dir).mode & 0o777;
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
    const journal = `${file}-journal`;
    if (isRoot) {
      chmodSync(dir, dirMode);
      // A write in flight (a delivery being marked sent) has its journal there for a moment: wait for it to go.
      for (let attempt = 0; ; attempt += 1) {
        try {
          mkdirSync(journal);
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 200) throw error;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
      chmodSync(dir, 0o555);
    }
    return {
      mechanism: isRoot
        ? "chmod 444 file / 555 folder, and (as root, which ignores modes) a directory where the journal goes"
        : "chmod 444 file / 555 folder",
      restore: async () => {
        chmodSync(dir, dirMode);
        if (isRoot) rmSync(journal, { recursive: true, force: true });
        chmodSync(file, fileMode);
      },
    };
  });

  const phases = [locked, readOnly];
  const ok = phases.every(
    (p) =>
      p.clearError === p.submitted &&
      p.valuesKept === p.submitted &&
      p.mailtoFallback === p.submitted &&
      p.storedDuringFault === 0 &&
      p.emailedDuringFault === 0 &&
      p.servedPagesDuringFault &&
      p.alive &&
      p.recoveredStored === p.submitted &&
      p.recoveredEmailed === p.submitted,
  );
  return { phases, seconds: (performance.now() - started) / 1000, ok };
}
