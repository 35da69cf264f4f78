import { mkdirSync } from "node:fs";
import path from "node:path";

import { createClient, type Client, type Row } from "@libsql/client";

import { migrate } from "./migrations";
import { checkLimit, RATE_LIMITS, windowStart, type LimitRule } from "./rate-limit";

/**
 * The enquiry store: libSQL (a local SQLite file by default, any libSQL/Turso
 * URL in production). Every enquiry is written here before any email is
 * attempted, so a failing provider never loses one.
 */

export type EnquiryStatus = "pending" | "sent" | "failed" | "spam";

export type EnquiryRecord = {
  id: string;
  createdAt: string;
  name: string;
  email: string;
  company: string | null;
  topic: string;
  message: string;
  sourceSlug: string | null;
  ipHash: string | null;
  userAgent: string | null;
  status: EnquiryStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
  lockedUntil: string | null;
  ackSentAt: string | null;
  providerMessageId: string | null;
};

export type NewEnquiry = Pick<EnquiryRecord, "id" | "name" | "email" | "company" | "topic" | "message" | "sourceSlug" | "ipHash" | "userAgent"> & {
  createdAt: Date;
  /** `spam` rows are kept for review but never emailed; `lastError` then says why. */
  status: "pending" | "spam";
  lastError?: string | null;
};

export type CreateOutcome =
  | { kind: "created"; id: string }
  /** The same person sent the same message moments ago (double click, resubmitted page): nothing new is stored. */
  | { kind: "duplicate"; id: string }
  | { kind: "limited"; limit: "ip" | "email"; retryAt: Date };

export type SourceSummary = { sourceSlug: string | null; enquiries: number; sent: number; unsent: number; lastAt: string };

export type StoreLimits = { perIp: LimitRule; unknownIp: LimitRule; perEmail: LimitRule; duplicateWindowMs: number };

export const DEFAULT_STORE_LIMITS: StoreLimits = { ...RATE_LIMITS, duplicateWindowMs: 10 * 60_000 };

export interface EnquiryStore {
  /** Inserts the enquiry unless it repeats one just stored or a rate limit says no; checks and insert are one atomic statement. */
  create(enquiry: NewEnquiry, limits?: StoreLimits): Promise<CreateOutcome>;
  get(id: string): Promise<EnquiryRecord | undefined>;
  /**
   * Takes the enquiry for one delivery attempt: counts the attempt and locks it
   * until `lockedUntil`, so a retry job and the request that stored it never
   * send at the same time. Undefined when it is sent, spam, locked or not due.
   */
  claimForDelivery(id: string, options: { now: Date; lockedUntil: Date; ignoreSchedule?: boolean }): Promise<EnquiryRecord | undefined>;
  markSent(id: string, options: { now: Date; providerMessageId: string | null }): Promise<void>;
  markFailed(id: string, options: { error: string; nextAttemptAt: Date }): Promise<void>;
  /** Ids of unsent (pending or failed) enquiries that are due, oldest first. */
  listDue(options: { now: Date; ignoreSchedule?: boolean; limit?: number }): Promise<string[]>;
  /** Claims the single acknowledgement an address may receive per window; false when one was sent recently. */
  claimAcknowledgement(id: string, options: { now: Date; windowMs: number }): Promise<boolean>;
  releaseAcknowledgement(id: string): Promise<void>;
  recent(limit: number): Promise<EnquiryRecord[]>;
  countsBySource(): Promise<SourceSummary[]>;
  countsByStatus(): Promise<Record<EnquiryStatus, number>>;
  close(): void;
}

/** The store could not be reached or written: the enquiry was NOT saved. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}

function text(row: Row, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : String(value);
}

function toRecord(row: Row): EnquiryRecord {
  return {
    id: String(row.id),
    createdAt: String(row.created_at),
    name: String(row.name),
    email: String(row.email),
    company: text(row, "company"),
    topic: String(row.topic),
    message: String(row.message),
    sourceSlug: text(row, "source_slug"),
    ipHash: text(row, "ip_hash"),
    userAgent: text(row, "user_agent"),
    status: String(row.status) as EnquiryStatus,
    attempts: Number(row.attempts),
    lastError: text(row, "last_error"),
    sentAt: text(row, "sent_at"),
    nextAttemptAt: text(row, "next_attempt_at"),
    lockedUntil: text(row, "locked_until"),
    ackSentAt: text(row, "ack_sent_at"),
    providerMessageId: text(row, "provider_message_id"),
  };
}

/** `file:` URLs name a path relative to the working directory; make sure its folder exists. */
function prepareLocalFile(url: string): void {
  if (!url.startsWith("file:")) return;
  let target = url.slice("file:".length).split("?")[0]!;
  if (target.startsWith("//")) target = target.replace(/^\/\/(?:localhost)?/, "");
  if (target === "" || target.startsWith(":memory:")) return;
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
}

/** The URL without credentials or query, for messages. */
export function describeDatabaseUrl(url: string): string {
  return url.split("?")[0]!.replace(/\/\/[^/@]*@/, "//");
}

function withTimeout(ms: number): (input: Request) => Promise<Response> {
  return (input) => fetch(input, { signal: AbortSignal.timeout(ms) });
}

/** Another connection holds the lock on a local file (another instance, the retry script, a backup). */
function isBusy(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (/^SQLITE_(BUSY|LOCKED)/.test(String(code ?? "")) || /database is locked|database table is locked/i.test(String(message ?? ""))) return true;
  }
  return false;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createEnquiryStore({
  url,
  authToken,
  timeoutMs = 8_000,
  lockWaitMs = 3_000,
}: {
  url: string;
  authToken?: string;
  timeoutMs?: number;
  /** How long a statement on a locked local file is retried before the store counts as unavailable. */
  lockWaitMs?: number;
}): EnquiryStore {
  let ready: Promise<Client> | undefined;
  let opened: Client | undefined;

  /** Closes the current connection; the next statement opens (and checks the migrations of) a fresh one. */
  function discard(): void {
    opened?.close();
    opened = undefined;
    ready = undefined;
  }

  function client(): Promise<Client> {
    ready ??= (async () => {
      prepareLocalFile(url);
      const remote = /^(https?|libsql):/.test(url);
      // No busy timeout: SQLite's busy handler sleeps inside the native call, which for a local file runs on
      // the JavaScript thread, so a locked file would freeze every request of the server (measured by the
      // store-faults drill: 10 enquiries during a lock stalled all pages for ~50 s). withDb waits instead.
      const db = createClient({ url, authToken, timeout: 0, ...(remote ? { fetch: withTimeout(timeoutMs) } : {}) });
      opened = db;
      await migrate(db);
      return db;
    })().catch((error: unknown) => {
      ready = undefined;
      opened?.close();
      opened = undefined;
      throw error;
    });
    return ready;
  }

  /**
   * Runs `work`; any failure is reported as the store being unavailable, with the cause kept. A locked file
   * is retried without blocking the event loop for up to `lockWaitMs` (every statement here is atomic, so a
   * statement refused with SQLITE_BUSY changed nothing and can run again).
   */
  async function withDb<T>(what: string, work: (db: Client) => Promise<T>): Promise<T> {
    const deadline = Date.now() + lockWaitMs;
    try {
      for (let attempt = 0; ; attempt += 1) {
        let db: Client | undefined;
        try {
          db = await client();
          return await work(db);
        } catch (error) {
          // A local connection whose write failed (SQLITE_BUSY at least) is left with the failed statement's
          // transaction open: every later write on it stays uncommitted — invisible to other processes and
          // lost on restart (found by the store-faults drill). Never reuse a connection after a failure.
          if (db && db === opened) discard();
          const closedUnderUs = (error as { code?: unknown }).code === "CLIENT_CLOSED";
          if (!(isBusy(error) || closedUnderUs) || (Date.now() >= deadline && !(closedUnderUs && attempt === 0))) throw error;
          await sleep(Math.min(25 * 2 ** attempt, 250, Math.max(1, deadline - Date.now())));
        }
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreUnavailableError(`Could not ${what} in the enquiry database (${describeDatabaseUrl(url)}): ${reason}`, { cause: error });
    }
  }

  return {
    create(enquiry, limits = DEFAULT_STORE_LIMITS) {
      return withDb("store the enquiry", async (db) => {
        const now = enquiry.createdAt;
        const isSpam = enquiry.status === "spam";
        const ipRule = enquiry.ipHash ? limits.perIp : limits.unknownIp;
        const sameIp = enquiry.ipHash ? "ip_hash = :ip_hash" : "ip_hash IS NULL";
        const args = {
          id: enquiry.id,
          created_at: now.toISOString(),
          name: enquiry.name,
          email: enquiry.email,
          company: enquiry.company,
          topic: enquiry.topic,
          message: enquiry.message,
          source_slug: enquiry.sourceSlug,
          ip_hash: enquiry.ipHash,
          user_agent: enquiry.userAgent,
          status: enquiry.status,
          last_error: enquiry.lastError ?? null,
          next_attempt_at: isSpam ? null : now.toISOString(),
          not_spam: isSpam ? 0 : 1,
          duplicate_since: new Date(now.getTime() - limits.duplicateWindowMs).toISOString(),
          ip_since: windowStart(now, ipRule).toISOString(),
          ip_max: ipRule.max,
          email_since: windowStart(now, limits.perEmail).toISOString(),
          email_max: limits.perEmail.max,
        };
        // One statement, so the checks and the insert are atomic on every libSQL backend, across
        // instances, without an interactive transaction (which deadlocks a local file under concurrency).
        const inserted = await db.execute({
          sql: `INSERT INTO enquiries
                  (id, created_at, name, email, company, topic, message, source_slug, ip_hash, user_agent, status, last_error, next_attempt_at)
                SELECT :id, :created_at, :name, :email, :company, :topic, :message, :source_slug, :ip_hash, :user_agent, :status, :last_error, :next_attempt_at
                WHERE NOT EXISTS (
                        SELECT 1 FROM enquiries
                        WHERE :not_spam = 1 AND lower(email) = lower(:email) AND message = :message AND status != 'spam' AND created_at > :duplicate_since)
                  AND (SELECT count(*) FROM enquiries WHERE ${sameIp} AND created_at > :ip_since) < :ip_max
                  AND (:not_spam = 0 OR
                       (SELECT count(*) FROM enquiries WHERE lower(email) = lower(:email) AND status != 'spam' AND created_at > :email_since) < :email_max)`,
          args,
        });
        if (inserted.rowsAffected === 1) return { kind: "created", id: enquiry.id };

        // Refused: find out which rule said no (and until when) to tell the person.
        if (!isSpam) {
          const duplicate = await db.execute({
            sql: `SELECT id FROM enquiries
                  WHERE lower(email) = lower(:email) AND message = :message AND status != 'spam' AND created_at > :duplicate_since
                  ORDER BY created_at DESC LIMIT 1`,
            args,
          });
          if (duplicate.rows[0]) return { kind: "duplicate", id: String(duplicate.rows[0].id) };
        }
        const ipTimes = await db.execute({ sql: `SELECT created_at FROM enquiries WHERE ${sameIp} AND created_at > :ip_since`, args });
        const byIp = checkLimit(ipTimes.rows.map((row) => new Date(String(row.created_at))), now, ipRule);
        if (!byIp.allowed) return { kind: "limited", limit: "ip", retryAt: byIp.retryAt };
        const emailTimes = await db.execute({
          sql: "SELECT created_at FROM enquiries WHERE lower(email) = lower(:email) AND status != 'spam' AND created_at > :email_since",
          args,
        });
        const byEmail = checkLimit(emailTimes.rows.map((row) => new Date(String(row.created_at))), now, limits.perEmail);
        if (!byEmail.allowed) return { kind: "limited", limit: "email", retryAt: byEmail.retryAt };
        throw new Error("the enquiry was refused but no rule explains why (concurrent change); please try again");
      });
    },

    get(id) {
      return withDb("read an enquiry", async (db) => {
        const result = await db.execute({ sql: "SELECT * FROM enquiries WHERE id = ?", args: [id] });
        const row = result.rows[0];
        return row ? toRecord(row) : undefined;
      });
    },

    claimForDelivery(id, { now, lockedUntil, ignoreSchedule = false }) {
      return withDb("claim an enquiry for delivery", async (db) => {
        const result = await db.execute({
          sql: `UPDATE enquiries SET attempts = attempts + 1, locked_until = :locked_until
                WHERE id = :id AND status IN ('pending', 'failed')
                  AND (locked_until IS NULL OR locked_until <= :now)
                  AND (:ignore_schedule = 1 OR next_attempt_at IS NULL OR next_attempt_at <= :now)
                RETURNING *`,
          args: { id, now: now.toISOString(), locked_until: lockedUntil.toISOString(), ignore_schedule: ignoreSchedule ? 1 : 0 },
        });
        const row = result.rows[0];
        return row ? toRecord(row) : undefined;
      });
    },

    markSent(id, { now, providerMessageId }) {
      return withDb("mark an enquiry as sent", async (db) => {
        await db.execute({
          sql: `UPDATE enquiries SET status = 'sent', sent_at = ?, provider_message_id = ?, locked_until = NULL, next_attempt_at = NULL
                WHERE id = ?`,
          args: [now.toISOString(), providerMessageId, id],
        });
      });
    },

    markFailed(id, { error, nextAttemptAt }) {
      return withDb("record a failed delivery", async (db) => {
        await db.execute({
          sql: "UPDATE enquiries SET status = 'failed', last_error = ?, next_attempt_at = ?, locked_until = NULL WHERE id = ? AND status != 'sent'",
          args: [error.slice(0, 1_000), nextAttemptAt.toISOString(), id],
        });
      });
    },

    listDue({ now, ignoreSchedule = false, limit = 100 }) {
      return withDb("list unsent enquiries", async (db) => {
        const result = await db.execute({
          sql: `SELECT id FROM enquiries
                WHERE status IN ('pending', 'failed')
                  AND (locked_until IS NULL OR locked_until <= :now)
                  AND (:ignore_schedule = 1 OR next_attempt_at IS NULL OR next_attempt_at <= :now)
                ORDER BY created_at LIMIT :limit`,
          args: { now: now.toISOString(), ignore_schedule: ignoreSchedule ? 1 : 0, limit },
        });
        return result.rows.map((row) => String(row.id));
      });
    },

    claimAcknowledgement(id, { now, windowMs }) {
      return withDb("claim an acknowledgement", async (db) => {
        const result = await db.execute({
          sql: `UPDATE enquiries SET ack_sent_at = :now
                WHERE id = :id AND ack_sent_at IS NULL AND status != 'spam'
                  AND NOT EXISTS (
                    SELECT 1 FROM enquiries AS earlier
                    WHERE lower(earlier.email) = lower(enquiries.email) AND earlier.ack_sent_at > :since
                  )`,
          args: { id, now: now.toISOString(), since: new Date(now.getTime() - windowMs).toISOString() },
        });
        return result.rowsAffected === 1;
      });
    },

    releaseAcknowledgement(id) {
      return withDb("release an acknowledgement", async (db) => {
        await db.execute({ sql: "UPDATE enquiries SET ack_sent_at = NULL WHERE id = ?", args: [id] });
      });
    },

    recent(limit) {
      return withDb("list recent enquiries", async (db) => {
        const result = await db.execute({ sql: "SELECT * FROM enquiries ORDER BY created_at DESC LIMIT ?", args: [limit] });
        return result.rows.map(toRecord);
      });
    },

    countsBySource() {
      return withDb("count enquiries per source", async (db) => {
        const result = await db.execute(`
          SELECT source_slug,
                 count(*) AS enquiries,
                 sum(status = 'sent') AS sent,
                 sum(status IN ('pending', 'failed')) AS unsent,
                 max(created_at) AS last_at
          FROM enquiries WHERE status != 'spam'
          GROUP BY source_slug
          ORDER BY enquiries DESC, last_at DESC`);
        return result.rows.map((row) => ({
          sourceSlug: text(row, "source_slug"),
          enquiries: Number(row.enquiries),
          sent: Number(row.sent),
          unsent: Number(row.unsent),
          lastAt: String(row.last_at),
        }));
      });
    },

    countsByStatus() {
      return withDb("count enquiries", async (db) => {
        const result = await db.execute("SELECT status, count(*) AS n FROM enquiries GROUP BY status");
        const counts: Record<EnquiryStatus, number> = { pending: 0, sent: 0, failed: 0, spam: 0 };
        for (const row of result.rows) counts[String(row.status) as EnquiryStatus] = Number(row.n);
        return counts;
      });
    },

    close() {
      opened?.close();
      opened = undefined;
      ready = undefined;
    },
  };
}
