import type { Client } from "@libsql/client";

/**
 * Versioned schema migrations for the enquiry store. Each runs once, in its
 * own write transaction together with the row that records it in
 * `schema_migrations`, so two instances starting at the same time cannot
 * both apply it. Append new migrations; never edit one that has shipped.
 */

export type Migration = { version: number; name: string; statements: readonly string[] };

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "create enquiries",
    statements: [
      `CREATE TABLE enquiries (
        id                  TEXT PRIMARY KEY,
        created_at          TEXT NOT NULL,
        name                TEXT NOT NULL,
        email               TEXT NOT NULL,
        company             TEXT,
        topic               TEXT NOT NULL,
        message             TEXT NOT NULL,
        source_slug         TEXT,
        ip_hash             TEXT,
        user_agent          TEXT,
        status              TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'spam')),
        attempts            INTEGER NOT NULL DEFAULT 0,
        last_error          TEXT,
        sent_at             TEXT,
        next_attempt_at     TEXT,
        locked_until        TEXT,
        ack_sent_at         TEXT,
        provider_message_id TEXT
      )`,
      "CREATE INDEX enquiries_created_at ON enquiries (created_at)",
      "CREATE INDEX enquiries_ip_hash ON enquiries (ip_hash, created_at)",
      "CREATE INDEX enquiries_email ON enquiries (lower(email), created_at)",
      "CREATE INDEX enquiries_unsent ON enquiries (status, next_attempt_at) WHERE status IN ('pending', 'failed')",
    ],
  },
];

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** Applies every migration the database has not seen yet; returns the versions applied now. */
export async function migrate(client: Client, migrations: readonly Migration[] = MIGRATIONS, now: () => Date = () => new Date()): Promise<number[]> {
  await client.execute(CREATE_LEDGER);
  const known = Math.max(0, ...migrations.map((migration) => migration.version));
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const tx = await client.transaction("write");
    try {
      const rows = await tx.execute("SELECT version FROM schema_migrations");
      const done = new Set(rows.rows.map((row) => Number(row.version)));
      const newest = Math.max(0, ...done);
      if (newest > known) {
        throw new Error(
          `The enquiry database is at schema version ${newest}, newer than this code knows (${known}). Deploy the newer code, or point DATABASE_URL at the right database.`,
        );
      }
      if (done.has(migration.version)) continue;
      for (const sql of migration.statements) await tx.execute(sql);
      await tx.execute({
        sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
        args: [migration.version, migration.name, now().toISOString()],
      });
      await tx.commit();
      applied.push(migration.version);
    } finally {
      tx.close();
    }
  }
  return applied;
}
