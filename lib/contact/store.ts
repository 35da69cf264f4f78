import { mkdirSync } from "node:fs";
import path from "node:path";

import { createClient, type Client, type Row } from "@libsql/client";

import { migrate } from "./migrations";
import { decide, keepSpamVerbatim, policyFor, since, type HeldReason, type Policy } from "./policy";

/**
 * The enquiry store: libSQL (a local SQLite file by default, any libSQL/Turso
 * URL in production). Every enquiry is written here before any email is
 * attempted, so a failing provider never loses one.
 */

export type EnquiryStatus = "pending" | "sent" | "failed" | "spam" | "held";

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
  heldReason: string | null;
};

export type NewEnquiry = Pick<EnquiryRecord, "id" | "name" | "email" | "company" | "topic" | "message" | "sourceSlug" | "ipHash" | "userAgent"> & {
  createdAt: Date;
  /** `spam` rows are kept for review (up to the policy's sample) but never emailed; `lastError` then says why. */
  status: "pending" | "spam";
  lastError?: string | null;
  /** The IPv6 /48 bucket's hash (null for IPv4 or an unknown client). */
  networkHash?: string | null;
  /** The normalised address (policy.ts), for the per-mailbox count. Defaults to the address lower-cased. */
  addressKey?: string;
  /** A digest of the form token: one token carries one real enquiry. */
  tokenId?: string | null;
};

export type CreateOutcome =
  /** Stored: `pending` (emailed now), `held` (stored, waits for the author) or `spam` (kept for review). */
  | { kind: "created"; id: string; status: "pending" | "held" | "spam"; heldReason?: HeldReason; spamReason?: string }
  /** The same person sent the same message moments ago (double click, resubmitted page): nothing new is stored. */
  | { kind: "duplicate"; id: string }
  /** Spam beyond the policy's stored sample: counted by reason, not stored verbatim. */
  | { kind: "counted"; spamReason: string };

export type SourceSummary = { sourceSlug: string | null; enquiries: number; sent: number; unsent: number; lastAt: string };

export type SpamCount = { reason: string; count: number };

export type PurgeSummary = { real: number; spam: number; spamCounts: number };

export interface EnquiryStore {
  /**
   * Stores the enquiry (unless it repeats one just stored). A real-looking one is always stored: the policy
   * only decides whether it is `pending` (emailed now) or `held`. Spam is stored up to the policy's sample,
   * then counted. A token that already carried a stored enquiry turns a different one into spam.
   */
  create(enquiry: NewEnquiry, policy?: Policy): Promise<CreateOutcome>;
  get(id: string): Promise<EnquiryRecord | undefined>;
  /**
   * Takes the enquiry for one delivery attempt: counts the attempt and locks it
   * until `lockedUntil`, so a retry job and the request that stored it never
   * send at the same time. Undefined when it is sent, spam, held, locked or not due.
   */
  claimForDelivery(id: string, options: { now: Date; lockedUntil: Date; ignoreSchedule?: boolean }): Promise<EnquiryRecord | undefined>;
  markSent(id: string, options: { now: Date; providerMessageId: string | null }): Promise<void>;
  markFailed(id: string, options: { error: string; nextAttemptAt: Date }): Promise<void>;
  /** Ids of unsent (pending or failed) enquiries that are due, oldest first. */
  listDue(options: { now: Date; ignoreSchedule?: boolean; limit?: number }): Promise<string[]>;
  /**
   * Claims the single acknowledgement a mailbox may receive per window, within the site-wide budget of
   * emails to typed addresses; false when either says no.
   */
  claimAcknowledgement(id: string, options: { now: Date; windowMs: number; policy?: Policy }): Promise<boolean>;
  releaseAcknowledgement(id: string): Promise<void>;
  recent(limit: number, options?: { status?: EnquiryStatus }): Promise<EnquiryRecord[]>;
  countsBySource(): Promise<SourceSummary[]>;
  countsByStatus(): Promise<Record<EnquiryStatus, number>>;
  /** Spam per reason since `since`: the stored sample and the counted rest together. */
  spamCounts(since: Date): Promise<SpamCount[]>;
  /** Held enquiries not yet in a digest, oldest first. */
  heldNotDigested(limit: number): Promise<EnquiryRecord[]>;
  /** Claims the right to send the held digest now: true at most once per `everyMs`, across instances. */
  claimDigest(options: { now: Date; everyMs: number }): Promise<boolean>;
  /** Gives the slot back after a digest that could not be sent. */
  releaseDigest(options: { previous: string | null }): Promise<void>;
  lastDigestAt(): Promise<string | null>;
  markDigested(ids: string[], now: Date): Promise<void>;
  /** Held or spam → pending, due now (the author decided it is real). Undefined when there is no such row. */
  release(id: string, now: Date): Promise<EnquiryRecord | undefined>;
  /** Held, pending or failed → spam (the author decided it is not real). */
  markSpam(id: string): Promise<EnquiryRecord | undefined>;
  /** Deletes real enquiries older than `realDays` and spam (rows and counts) older than `spamDays`. */
  purge(options: { now: Date; realDays: number; spamDays: number }): Promise<PurgeSummary>;
  /** A value every instance shares: the stored one, or `create()` stored now if there was none. */
  sharedSetting(key: string, create: () => string): Promise<string>;
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
    heldReason: text(row, "held_reason"),
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

const hourOf = (date: Date) => `${date.toISOString().slice(0, 13)}:00`;

function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (/SQLITE_CONSTRAINT/.test(String(code ?? "")) || /UNIQUE constraint failed/i.test(String(message ?? ""))) return true;
  }
  return false;
}

async function countSpam(db: Client, now: Date, reason: string): Promise<void> {
  await db.execute({
    sql: "INSERT INTO spam_counts (hour, reason, count) VALUES (?, ?, 1) ON CONFLICT (hour, reason) DO UPDATE SET count = count + 1",
    args: [hourOf(now), reason],
  });
}

async function insertEnquiry(db: Client, enquiry: NewEnquiry, policy: Policy): Promise<CreateOutcome> {
  const now = enquiry.createdAt;
  const addressKey = enquiry.addressKey ?? enquiry.email.trim().toLowerCase();
  const base = {
    id: enquiry.id,
    created_at: now.toISOString(),
    name: enquiry.name,
    email: enquiry.email,
    company: enquiry.company,
    topic: enquiry.topic,
    message: enquiry.message,
    source_slug: enquiry.sourceSlug,
    ip_hash: enquiry.ipHash,
    network_hash: enquiry.networkHash ?? null,
    address_key: addressKey,
    user_agent: enquiry.userAgent,
  };
  const counts = await db.execute({
    sql: `SELECT
            (SELECT count(*) FROM enquiries WHERE created_at > :rows_since) AS stored_rows,
            (SELECT count(*) FROM enquiries WHERE status = 'spam' AND created_at > :spam_since) AS spam_rows,
            (SELECT count(*) FROM enquiries WHERE ip_hash = :ip_hash AND status != 'spam' AND created_at > :client_since) AS client,
            (SELECT count(*) FROM enquiries WHERE network_hash = :network_hash AND status != 'spam' AND created_at > :network_since) AS network,
            (SELECT count(*) FROM enquiries WHERE address_key = :address_key AND status != 'spam' AND created_at > :address_since) AS address,
            (SELECT count(*) FROM enquiries WHERE status IN ('pending', 'sent', 'failed') AND created_at > :owner_since) AS owner_emails`,
    args: {
      rows_since: since(now, policy.storedRows.windowMs).toISOString(),
      spam_since: since(now, policy.spamRows.windowMs).toISOString(),
      ip_hash: enquiry.ipHash,
      client_since: since(now, policy.perClient.windowMs).toISOString(),
      network_hash: enquiry.networkHash ?? null,
      network_since: since(now, policy.perNetwork.windowMs).toISOString(),
      address_key: addressKey,
      address_since: since(now, policy.perAddress.windowMs).toISOString(),
      owner_since: since(now, policy.ownerEmails.windowMs).toISOString(),
    },
  });
  const row = counts.rows[0]!;
  const storedRows = Number(row.stored_rows);
  const spamRows = Number(row.spam_rows);

  const storeSpam = async (reason: string): Promise<CreateOutcome> => {
    await countSpam(db, now, reason);
    if (!keepSpamVerbatim({ spamRows, storedRows }, policy)) return { kind: "counted", spamReason: reason };
    await db.execute({
      sql: `INSERT INTO enquiries (id, created_at, name, email, company, topic, message, source_slug, ip_hash, network_hash, address_key, user_agent, status, last_error)
            VALUES (:id, :created_at, :name, :email, :company, :topic, :message, :source_slug, :ip_hash, :network_hash, :address_key, :user_agent, 'spam', :last_error)`,
      args: { ...base, last_error: `spam: ${reason}` },
    });
    return { kind: "created", id: enquiry.id, status: "spam", spamReason: reason };
  };

  if (enquiry.status === "spam") return storeSpam((enquiry.lastError ?? "spam: unknown").replace(/^spam: /, ""));

  const decision = decide(
    {
      client: enquiry.ipHash ? Number(row.client) : null,
      network: enquiry.networkHash ? Number(row.network) : null,
      address: Number(row.address),
      ownerEmails: Number(row.owner_emails),
      storedRows,
    },
    policy,
  );
  const status = decision.act ? "pending" : "held";
  const heldReason = decision.act ? null : decision.held;
  const duplicateArgs = { email_key: addressKey, message: enquiry.message, duplicate_since: since(now, policy.duplicateWindowMs).toISOString() };
  const duplicateOf = `SELECT id FROM enquiries
                       WHERE address_key = :email_key AND message = :message AND status != 'spam' AND created_at > :duplicate_since
                       ORDER BY created_at DESC LIMIT 1`;
  try {
    const inserted = await db.execute({
      sql: `INSERT INTO enquiries
              (id, created_at, name, email, company, topic, message, source_slug, ip_hash, network_hash, address_key, user_agent,
               status, held_reason, token_id, next_attempt_at)
            SELECT :id, :created_at, :name, :email, :company, :topic, :message, :source_slug, :ip_hash, :network_hash, :address_key, :user_agent,
                   :status, :held_reason, :token_id, :next_attempt_at
            WHERE NOT EXISTS (${duplicateOf})`,
      args: { ...base, ...duplicateArgs, status, held_reason: heldReason, token_id: enquiry.tokenId ?? null, next_attempt_at: decision.act ? base.created_at : null },
    });
    if (inserted.rowsAffected === 1) return { kind: "created", id: enquiry.id, status, ...(heldReason ? { heldReason } : {}) };
  } catch (error) {
    // The token already carried a stored enquiry, and this one says something else: a replay.
    if (isUniqueViolation(error)) return storeSpam("reused-token");
    throw error;
  }
  const duplicate = await db.execute({ sql: duplicateOf, args: duplicateArgs });
  if (duplicate.rows[0]) return { kind: "duplicate", id: String(duplicate.rows[0].id) };
  throw new Error("the enquiry was neither stored nor a duplicate (concurrent change); please try again");
}


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
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `work` after every earlier serialised call has finished (a one-slot queue, no busy waiting). */
  function serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

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
    create(enquiry, policy = policyFor("enquiry")) {
      // Counting and inserting are serialised within this process, so a burst cannot slip past a limit between
      // the count and the insert. Across instances the counts may overshoot by one per instance; the token and
      // duplicate rules are enforced by the database itself and hold everywhere.
      return serialised(() => withDb("store the enquiry", (db) => insertEnquiry(db, enquiry, policy)));
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

    claimAcknowledgement(id, { now, windowMs, policy = policyFor("enquiry") }) {
      return withDb("claim an acknowledgement", async (db) => {
        const result = await db.execute({
          sql: `UPDATE enquiries SET ack_sent_at = :now
                WHERE id = :id AND ack_sent_at IS NULL AND status NOT IN ('spam', 'held')
                  AND NOT EXISTS (
                    SELECT 1 FROM enquiries AS earlier
                    WHERE earlier.address_key = enquiries.address_key AND earlier.ack_sent_at > :since
                  )
                  AND (SELECT count(*) FROM enquiries AS sent WHERE sent.ack_sent_at > :budget_since) < :budget_max`,
          args: {
            id,
            now: now.toISOString(),
            since: new Date(now.getTime() - windowMs).toISOString(),
            budget_since: since(now, policy.addressEmails.windowMs).toISOString(),
            budget_max: policy.addressEmails.max,
          },
        });
        return result.rowsAffected === 1;
      });
    },

    releaseAcknowledgement(id) {
      return withDb("release an acknowledgement", async (db) => {
        await db.execute({ sql: "UPDATE enquiries SET ack_sent_at = NULL WHERE id = ?", args: [id] });
      });
    },

    recent(limit, { status } = {}) {
      return withDb("list recent enquiries", async (db) => {
        const result = await db.execute(
          status
            ? { sql: "SELECT * FROM enquiries WHERE status = ? ORDER BY created_at DESC LIMIT ?", args: [status, limit] }
            : { sql: "SELECT * FROM enquiries ORDER BY created_at DESC LIMIT ?", args: [limit] },
        );
        return result.rows.map(toRecord);
      });
    },

    spamCounts(from) {
      return withDb("count spam", async (db) => {
        const result = await db.execute({
          sql: "SELECT reason, sum(count) AS n FROM spam_counts WHERE hour >= ? GROUP BY reason ORDER BY n DESC",
          args: [hourOf(from)],
        });
        return result.rows.map((row) => ({ reason: String(row.reason), count: Number(row.n) }));
      });
    },

    heldNotDigested(limit) {
      return withDb("list held enquiries", async (db) => {
        const result = await db.execute({
          sql: "SELECT * FROM enquiries WHERE status = 'held' AND digested_at IS NULL ORDER BY created_at LIMIT ?",
          args: [limit],
        });
        return result.rows.map(toRecord);
      });
    },

    claimDigest({ now, everyMs }) {
      return withDb("claim the held digest", async (db) => {
        const result = await db.execute({
          sql: `INSERT INTO settings (key, value) VALUES ('held_digest_at', :now)
                ON CONFLICT (key) DO UPDATE SET value = :now WHERE value <= :since`,
          args: { now: now.toISOString(), since: new Date(now.getTime() - everyMs).toISOString() },
        });
        return result.rowsAffected === 1;
      });
    },

    releaseDigest({ previous }) {
      return withDb("release the held digest", async (db) => {
        await db.execute(
          previous === null
            ? "DELETE FROM settings WHERE key = 'held_digest_at'"
            : { sql: "UPDATE settings SET value = ? WHERE key = 'held_digest_at'", args: [previous] },
        );
      });
    },

    lastDigestAt() {
      return withDb("read the held digest time", async (db) => {
        const result = await db.execute("SELECT value FROM settings WHERE key = 'held_digest_at'");
        return result.rows[0] ? String(result.rows[0].value) : null;
      });
    },

    markDigested(ids, now) {
      return withDb("mark held enquiries as reported", async (db) => {
        if (ids.length === 0) return;
        await db.execute({
          sql: `UPDATE enquiries SET digested_at = ? WHERE id IN (${ids.map(() => "?").join(", ")})`,
          args: [now.toISOString(), ...ids],
        });
      });
    },

    release(id, now) {
      return withDb("release an enquiry", async (db) => {
        // The token id is cleared: the author vouches for this one, whatever the token carried before.
        const result = await db.execute({
          sql: `UPDATE enquiries SET status = 'pending', held_reason = NULL, last_error = NULL, next_attempt_at = :now, token_id = NULL
                WHERE id = :id AND status IN ('held', 'spam') RETURNING *`,
          args: { id, now: now.toISOString() },
        });
        return result.rows[0] ? toRecord(result.rows[0]) : undefined;
      });
    },

    markSpam(id) {
      return withDb("mark an enquiry as spam", async (db) => {
        const result = await db.execute({
          sql: `UPDATE enquiries SET status = 'spam', last_error = 'spam: marked by the author', next_attempt_at = NULL
                WHERE id = ? AND status IN ('held', 'pending', 'failed') RETURNING *`,
          args: [id],
        });
        return result.rows[0] ? toRecord(result.rows[0]) : undefined;
      });
    },

    purge({ now, realDays, spamDays }) {
      return withDb("delete old enquiries", async (db) => {
        const day = 24 * 60 * 60_000;
        const realBefore = new Date(now.getTime() - realDays * day).toISOString();
        const spamBefore = new Date(now.getTime() - spamDays * day);
        const [real, spam, counts] = await db.batch(
          [
            { sql: "DELETE FROM enquiries WHERE status != 'spam' AND created_at < ?", args: [realBefore] },
            { sql: "DELETE FROM enquiries WHERE status = 'spam' AND created_at < ?", args: [spamBefore.toISOString()] },
            { sql: "DELETE FROM spam_counts WHERE hour < ?", args: [hourOf(spamBefore)] },
          ],
          "write",
        );
        return { real: real!.rowsAffected, spam: spam!.rowsAffected, spamCounts: counts!.rowsAffected };
      });
    },

    sharedSetting(key, create) {
      return withDb("read a shared setting", async (db) => {
        // Whoever inserts first wins; everyone then reads the same value.
        await db.execute({ sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", args: [key, create()] });
        const result = await db.execute({ sql: "SELECT value FROM settings WHERE key = ?", args: [key] });
        return String(result.rows[0]!.value);
      });
    },

    countsBySource() {
      return withDb("count enquiries per source", async (db) => {
        const result = await db.execute(`
          SELECT source_slug,
                 count(*) AS enquiries,
                 sum(status = 'sent') AS sent,
                 sum(status IN ('pending', 'failed', 'held')) AS unsent,
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
        const counts: Record<EnquiryStatus, number> = { pending: 0, sent: 0, failed: 0, spam: 0, held: 0 };
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
