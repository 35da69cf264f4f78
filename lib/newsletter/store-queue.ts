import type { Client } from "@libsql/client";

import { aloneInNetworkSql } from "@/lib/contact/held-rank";
import type { SignupPolicy } from "@/lib/contact/policy";

import { emailBudgetsUsed, exceededBudget, type QueueReason } from "./store-admit";

/**
 * The queue of sign-ups whose confirmation waits for email budget (store-admit.ts puts them there): which to send
 * first, and taking one out when the budgets allow.
 */

/** SQL: 1 when the queued row aliased `row` is the only mailbox that signed up from its network within a day. */
const aloneSql = (row: string) =>
  aloneInNetworkSql(row, { rows: "newsletter_subscribers", counts: "newsletter_counts" });

/** Queued sign-ups whose link can still be sent: the only sign-up from its network first, then newest first. */
export async function listQueued(db: Client, { limit }: { limit: number }): Promise<string[]> {
  const result = await db.execute({
    sql: `SELECT s.id FROM newsletter_subscribers AS s
          WHERE s.status = 'pending' AND s.queued_at IS NOT NULL AND s.confirmation_state = 'none'
          ORDER BY ${aloneSql("s")} DESC, s.created_at DESC LIMIT ?`,
    args: [limit],
  });
  return result.rows.map((row) => String(row.id));
}

export type ReleaseOutcome = "released" | "gone" | "mailbox-recent" | QueueReason;

/**
 * Takes one sign-up out of the queue if every budget allows an email now (the site-wide one in full: the queue may use
 * the share kept from sign-ups as they arrive), with a fresh link lifetime; otherwise says which budget is spent.
 */
export async function releaseQueued(
  db: Client,
  id: string,
  { now, policy, expiresAt }: { now: Date; policy: SignupPolicy; expiresAt: Date },
): Promise<ReleaseOutcome> {
  const tx = await db.transaction("write");
  try {
    const row = (
      await tx.execute({
        sql: `SELECT network_key, address_key, email_key FROM newsletter_subscribers
              WHERE id = ? AND status = 'pending' AND queued_at IS NOT NULL AND confirmation_state = 'none'`,
        args: [id],
      })
    ).rows[0];
    if (!row) return "gone";
    const networkKey = row.network_key === null ? null : String(row.network_key);
    const addressKey = String(row.address_key);
    // Another spelling of this mailbox got a link within the interval: that link stands.
    const recent = await tx.execute({
      sql: `SELECT 1 FROM newsletter_subscribers WHERE address_key = ? AND email_key != ?
              AND (confirmation_sent_at > ? OR confirmation_state IN ('due', 'failed')) LIMIT 1`,
      args: [addressKey, String(row.email_key), new Date(now.getTime() - policy.confirmationIntervalMs).toISOString()],
    });
    if (recent.rows.length > 0) return "mailbox-recent";
    const used = await emailBudgetsUsed(tx, {
      now,
      networkKey,
      domain: addressKey.slice(addressKey.lastIndexOf("@") + 1),
      policy,
    });
    const over = exceededBudget(used, policy, policy.addressEmails.max, networkKey !== null);
    if (over) return over;
    await tx.execute({
      sql: `UPDATE newsletter_subscribers SET confirmation_state = 'due', queued_at = NULL, held_reason = NULL,
              confirmation_requested_at = :now, token_expires_at = :expires_at, next_attempt_at = :now, attempts = 0,
              last_error = NULL, locked_until = NULL
            WHERE id = :id`,
      args: { id, now: now.toISOString(), expires_at: expiresAt.toISOString() },
    });
    await tx.commit();
    return "released";
  } finally {
    tx.close();
  }
}
