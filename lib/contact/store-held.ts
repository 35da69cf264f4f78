import type { Client } from "@libsql/client";

import { rankSql } from "./held-rank";
import { hourOf, toRecord } from "./store-queries";
import type { HeldCount, RankedHeld } from "./store-types";

/**
 * The enquiry store's held review: held enquiries ranked likely-real first (held-rank.ts), newest first within a
 * rank, and the held enquiries a flood made the store count instead of keep.
 */

export async function heldRanked(db: Client, limit: number): Promise<RankedHeld[]> {
  const result = await db.execute({
    sql: `SELECT e.*, ${rankSql("e")} AS rank FROM enquiries AS e WHERE e.status = 'held'
          ORDER BY rank DESC, e.created_at DESC LIMIT ?`,
    args: [limit],
  });
  return result.rows.map((row) => ({
    ...toRecord(row),
    rank: Number(row.rank),
    digestedAt: row.digested_at === null || row.digested_at === undefined ? null : String(row.digested_at),
  }));
}

export async function heldTotals(db: Client): Promise<{ held: number; notDigested: number }> {
  const result = await db.execute(
    "SELECT count(*) AS held, coalesce(sum(digested_at IS NULL), 0) AS fresh FROM enquiries WHERE status = 'held'",
  );
  const row = result.rows[0]!;
  return { held: Number(row.held), notDigested: Number(row.fresh) };
}

export async function heldCounts(db: Client, from: Date): Promise<HeldCount[]> {
  const result = await db.execute({
    sql: `SELECT reason, sum(count) AS n, count(DISTINCT network_key) AS networks FROM held_counts
          WHERE hour >= ? GROUP BY reason ORDER BY n DESC`,
    args: [hourOf(from)],
  });
  return result.rows.map((row) => ({
    reason: String(row.reason),
    count: Number(row.n),
    networks: Number(row.networks),
  }));
}
