import type { Client } from "@libsql/client";

import { openConnection, type ConnectionOptions } from "@/lib/contact/store-connection";

/**
 * The scheduled run's record in the enquiry database (DATABASE_URL), shared by every instance:
 *
 * - a lease, so one run happens at a time however many instances (and crons) ask: taking it is one atomic
 *   statement, and a holder that died loses it when it expires;
 * - when the in-process schedulers may run next, so N instances ticking every interval run the work once per
 *   interval between them, not N times;
 * - how the last run went, for GET /api/health;
 * - a row the health check writes, to prove the database takes writes.
 */

const CREATE = `CREATE TABLE IF NOT EXISTS scheduled_runs (
  name             TEXT PRIMARY KEY,
  holder           TEXT,
  lease_until      INTEGER NOT NULL DEFAULT 0,
  next_run_at      INTEGER NOT NULL DEFAULT 0,
  last_started_at  INTEGER,
  last_finished_at INTEGER,
  last_ok          INTEGER,
  last_summary     TEXT
)`;

const RUN = "scheduled-run";
const PROBE = "health-probe";

export type LastRun = {
  startedAt: Date | null;
  finishedAt: Date | null;
  ok: boolean | null;
  summary: string | null;
  /** A run holds the lease now. */
  running: boolean;
  nextRunAt: Date | null;
};

export type RunLease = {
  /**
   * Takes the lease for `leaseMs` if nobody holds it (and, with `respectSchedule`, if the schedulers' next run is
   * due); true when taken.
   */
  acquire(options: { holder: string; now: Date; leaseMs: number; respectSchedule: boolean }): Promise<boolean>;
  /** Gives the lease back and records the outcome; `nextRunAt` moves the schedulers' next run (kept when absent). */
  finish(options: { holder: string; now: Date; ok: boolean; summary: string; nextRunAt?: Date }): Promise<void>;
  lastRun(now: Date): Promise<LastRun | null>;
  /** One real write (and read back): throws when the database cannot be written. */
  probeWrite(now: Date): Promise<void>;
  close(): void;
};

async function migrate(db: Client): Promise<void> {
  await db.execute(CREATE);
}

const time = (value: unknown) => (value === null || value === undefined ? null : new Date(Number(value)));

export function createRunLease(options: ConnectionOptions): RunLease {
  const { withDb, close } = openConnection(options, { name: "the enquiry database", migrate });
  return {
    acquire: ({ holder, now, leaseMs, respectSchedule }) =>
      withDb("take the scheduled run's lease", async (db) => {
        const at = now.getTime();
        const result = await db.execute({
          sql: `INSERT INTO scheduled_runs (name, holder, lease_until, last_started_at) VALUES (:name, :holder, :until, :now)
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until,
                                                 last_started_at = excluded.last_started_at
                WHERE scheduled_runs.lease_until <= :now AND (:gate = 0 OR scheduled_runs.next_run_at <= :now)`,
          args: { name: RUN, holder, until: at + leaseMs, now: at, gate: respectSchedule ? 1 : 0 },
        });
        return result.rowsAffected === 1;
      }),
    finish: ({ holder, now, ok, summary, nextRunAt }) =>
      withDb("record the scheduled run", async (db) => {
        await db.execute({
          sql: `UPDATE scheduled_runs SET lease_until = 0, last_finished_at = :now, last_ok = :ok, last_summary = :summary,
                       next_run_at = coalesce(:next, next_run_at)
                WHERE name = :name AND holder = :holder`,
          args: {
            name: RUN,
            holder,
            now: now.getTime(),
            ok: ok ? 1 : 0,
            summary: summary.slice(0, 2_000),
            next: nextRunAt ? nextRunAt.getTime() : null,
          },
        });
      }),
    lastRun: (now) =>
      withDb("read the scheduled run", async (db) => {
        const { rows } = await db.execute({ sql: "SELECT * FROM scheduled_runs WHERE name = ?", args: [RUN] });
        const row = rows[0];
        if (!row) return null;
        return {
          startedAt: time(row.last_started_at),
          finishedAt: time(row.last_finished_at),
          ok: row.last_ok === null ? null : Number(row.last_ok) === 1,
          summary: row.last_summary === null ? null : String(row.last_summary),
          running: Number(row.lease_until) > now.getTime(),
          nextRunAt: Number(row.next_run_at) > 0 ? time(row.next_run_at) : null,
        };
      }),
    probeWrite: (now) =>
      withDb("write the health probe", async (db) => {
        await db.execute({
          sql: `INSERT INTO scheduled_runs (name, last_finished_at) VALUES (?, ?)
                ON CONFLICT (name) DO UPDATE SET last_finished_at = excluded.last_finished_at`,
          args: [PROBE, now.getTime()],
        });
      }),
    close,
  };
}
