import type { Client } from "@libsql/client";

import { decide, keepSpamVerbatim, since, type HeldReason, type Policy } from "./policy";
import { someCause } from "./store-connection";
import { hourOf, REAL } from "./store-queries";
import type { CreateOutcome, NewEnquiry } from "./store-types";

/**
 * Storing one enquiry: the policy's counts, then one of
 * - `pending`: emailed now;
 * - `held`: a limit tripped (or the token had expired, or a second message came with one form from the same
 *   network): stored for the author's review, up to the per-network allowance and the site-wide cap;
 *   beyond them counted per hour, network and reason (`held_counts`), not stored (the sender is told so, with
 *   a mailto: link that carries their text: submit.ts);
 * - `spam`: a sample stored verbatim for review, the rest counted per hour and reason (`spam_counts`).
 * A flood can therefore never grow the database faster than the policy's windows allow.
 */

/** The same person sent the same message within the window: a double click or a resubmitted page. */
const DUPLICATE_OF = `SELECT id FROM enquiries
  WHERE address_key = :address_key AND message = :message AND ${REAL} AND created_at > :duplicate_since
  ORDER BY created_at DESC LIMIT 1`;

/** Real enquiries in one limit's bucket since its window began. */
const realCount = (column: string, key: string, windowStart: string) =>
  `(SELECT count(*) FROM enquiries WHERE ${column} = :${key} AND ${REAL} AND created_at > :${windowStart})`;

/** Columns every new row carries, whatever its status. */
const NEW_ROW_COLUMNS = [
  "id",
  "created_at",
  "name",
  "email",
  "company",
  "topic",
  "team_size",
  "timeline",
  "help_kind",
  "message",
  "source_slug",
  "ip_hash",
  "network_hash",
  "network_key",
  "address_key",
  "user_agent",
  "booking_link",
  "signals",
  "form_age_ms",
];

function insertInto(extraColumns: string[], tail = ""): string {
  const columns = [...NEW_ROW_COLUMNS, ...extraColumns];
  return `INSERT INTO enquiries (${columns.join(", ")}) SELECT ${columns.map((column) => `:${column}`).join(", ")} ${tail}`;
}

function isUniqueViolation(error: unknown): boolean {
  return someCause(
    error,
    (code, message) => /SQLITE_CONSTRAINT/.test(code) || /UNIQUE constraint failed/i.test(message),
  );
}

async function countSpam(db: Client, now: Date, reason: string): Promise<void> {
  await db.execute({
    sql: "INSERT INTO spam_counts (hour, reason, count) VALUES (?, ?, 1) ON CONFLICT (hour, reason) DO UPDATE SET count = count + 1",
    args: [hourOf(now), reason],
  });
}

/** A held enquiry counted instead of stored; `*` when the site-wide cap (not its network's allowance) decided. */
async function countHeld(db: Client, now: Date, networkKey: string | null, reason: string): Promise<void> {
  await db.execute({
    sql: `INSERT INTO held_counts (hour, network_key, reason, count) VALUES (?, ?, ?, 1)
          ON CONFLICT (hour, network_key, reason) DO UPDATE SET count = count + 1`,
    args: [hourOf(now), networkKey ?? "*", reason],
  });
}

export async function insertEnquiry(db: Client, enquiry: NewEnquiry, policy: Policy): Promise<CreateOutcome> {
  const now = enquiry.createdAt;
  const addressKey = enquiry.addressKey ?? enquiry.email.trim().toLowerCase();
  const networkKey = enquiry.networkHash ?? enquiry.ipHash ?? null;
  const row = {
    id: enquiry.id,
    created_at: now.toISOString(),
    name: enquiry.name,
    email: enquiry.email,
    company: enquiry.company,
    topic: enquiry.topic,
    team_size: enquiry.teamSize ?? null,
    timeline: enquiry.timeline ?? null,
    help_kind: enquiry.helpKind ?? null,
    message: enquiry.message,
    source_slug: enquiry.sourceSlug,
    ip_hash: enquiry.ipHash,
    network_hash: enquiry.networkHash ?? null,
    network_key: networkKey,
    address_key: addressKey,
    user_agent: enquiry.userAgent,
    booking_link: enquiry.bookingLink ?? null,
    signals: enquiry.signals ?? 0,
    form_age_ms: enquiry.formAgeMs ?? null,
  };
  const windowStart = (windowMs: number) => since(now, windowMs).toISOString();
  const counts = await db.execute({
    sql: `SELECT
            (SELECT count(*) FROM enquiries WHERE created_at > :rows_since) AS stored_rows,
            (SELECT count(*) FROM enquiries WHERE status = 'spam' AND created_at > :spam_since) AS spam_rows,
            (SELECT count(*) FROM enquiries WHERE status = 'spam' AND network_key = :network_key
               AND created_at > :spam_network_since) AS spam_network,
            (SELECT count(*) FROM enquiries WHERE status = 'held' AND network_key = :network_key
               AND created_at > :held_network_since) AS held_network,
            (SELECT count(*) FROM enquiries WHERE status = 'held' AND created_at > :held_since) AS held_rows,
            ${realCount("ip_hash", "ip_hash", "client_since")} AS client,
            ${realCount("network_hash", "network_hash", "network_since")} AS network,
            (SELECT count(*) FROM enquiries WHERE address_key = :address_key AND ${REAL} AND created_at > :address_since
               AND (:network_key IS NULL OR network_key = :network_key)) AS address,
            (SELECT count(*) FROM enquiries WHERE status IN ('pending', 'sent', 'failed') AND created_at > :owner_since) AS owner_emails`,
    args: {
      rows_since: windowStart(policy.storedRows.windowMs),
      spam_since: windowStart(policy.spamRows.windowMs),
      spam_network_since: windowStart(policy.spamRowsPerNetwork.windowMs),
      held_network_since: windowStart(policy.heldRowsPerNetwork.windowMs),
      held_since: windowStart(policy.heldRows.windowMs),
      network_key: networkKey,
      ip_hash: row.ip_hash,
      client_since: windowStart(policy.perClient.windowMs),
      network_hash: row.network_hash,
      network_since: windowStart(policy.perNetwork.windowMs),
      address_key: addressKey,
      address_since: windowStart(policy.perAddress.windowMs),
      owner_since: windowStart(policy.ownerEmails.windowMs),
    },
  });
  const count = counts.rows[0]!;
  const storedRows = Number(count.stored_rows);
  const spamRows = Number(count.spam_rows);
  const duplicateArgs = {
    address_key: addressKey,
    message: enquiry.message,
    duplicate_since: windowStart(policy.duplicateWindowMs),
  };

  const storeSpam = async (reason: string): Promise<CreateOutcome> => {
    await countSpam(db, now, reason);
    const spamFromNetwork = networkKey ? Number(count.spam_network) : 0;
    if (!keepSpamVerbatim({ spamRows, storedRows, spamFromNetwork }, policy))
      return { kind: "counted", spamReason: reason };
    await db.execute({
      sql: insertInto(["status", "last_error"]),
      args: { ...row, status: "spam", last_error: `spam: ${reason}` },
    });
    return { kind: "created", id: enquiry.id, status: "spam", spamReason: reason };
  };

  /** Stores a held enquiry within the allowances, or counts it; a repeat of a stored one is a duplicate. */
  const storeHeld = async (reason: HeldReason, tokenId: string | null): Promise<CreateOutcome> => {
    const duplicate = await db.execute({ sql: DUPLICATE_OF, args: duplicateArgs });
    if (duplicate.rows[0]) return { kind: "duplicate", id: String(duplicate.rows[0].id) };
    if (networkKey && Number(count.held_network) >= policy.heldRowsPerNetwork.max) {
      await countHeld(db, now, networkKey, reason);
      return { kind: "counted", heldReason: reason };
    }
    if (Number(count.held_rows) >= policy.heldRows.max) {
      await countHeld(db, now, null, reason);
      return { kind: "counted", heldReason: reason };
    }
    await db.execute({
      sql: insertInto(["status", "held_reason", "token_id"]),
      args: { ...row, status: "held", held_reason: reason, token_id: tokenId },
    });
    return { kind: "created", id: enquiry.id, status: "held", heldReason: reason };
  };

  if (enquiry.status === "spam") return storeSpam((enquiry.lastError ?? "spam: unknown").replace(/^spam: /, ""));

  const decision = decide(
    {
      client: enquiry.ipHash ? Number(count.client) : null,
      network: enquiry.networkHash ? Number(count.network) : null,
      address: Number(count.address),
      ownerEmails: Number(count.owner_emails),
      storedRows,
    },
    policy,
  );
  const tokenId = enquiry.tokenId ?? null;
  try {
    // Expired tokens come from a person who left the page open: always held for the author, never emailed unseen.
    if (enquiry.status === "review") return await storeHeld(enquiry.reviewReason ?? "expired-token", tokenId);
    if (!decision.act) return await storeHeld(decision.held, tokenId);
    const inserted = await db.execute({
      sql: insertInto(["status", "token_id", "next_attempt_at"], `WHERE NOT EXISTS (${DUPLICATE_OF})`),
      args: { ...row, ...duplicateArgs, status: "pending", token_id: tokenId, next_attempt_at: row.created_at },
    });
    if (inserted.rowsAffected === 1) return { kind: "created", id: enquiry.id, status: "pending" };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The token already carried a stored enquiry, and this one says something else. From the same network it is the
    // same reader sending a correction (back, edit, send: no JavaScript keeps the token): held for the author, without
    // the token. From elsewhere it is a replay of a captured token: spam.
    const original = await db.execute({
      sql: `SELECT network_key FROM enquiries WHERE token_id = ? AND ${REAL} LIMIT 1`,
      args: [tokenId],
    });
    const sameNetwork = networkKey !== null && original.rows[0]?.network_key === networkKey;
    return sameNetwork ? storeHeld("reused-token", null) : storeSpam("reused-token");
  }
  const duplicate = await db.execute({ sql: DUPLICATE_OF, args: duplicateArgs });
  if (duplicate.rows[0]) return { kind: "duplicate", id: String(duplicate.rows[0].id) };
  throw new Error("the enquiry was neither stored nor a duplicate (concurrent change); please try again");
}
