import type { Client } from "@libsql/client";

/**
 * The migration runner of the site's libSQL databases (the enquiry store's and the newsletter's tables): each
 * migration runs once, in its own write transaction together with the row that records it in the store's ledger
 * table, so two instances starting at the same time cannot both apply it. A database newer than the code is refused.
 * Each store keeps its own list (lib/contact/migrations.ts, lib/newsletter/migrations.ts): append, never edit a
 * migration that has shipped.
 */

export type Migration = { version: number; name: string; statements: readonly string[] };

export type MigrationLedger = {
  /** The ledger table: `schema_migrations` (enquiries), `newsletter_migrations` (newsletter). */
  table: string;
  /** How the refusal of a newer database begins: "The enquiry database is", "The newsletter tables are". */
  subject: string;
};

/** A store's `migrate(client, migrations = its list, now?)`, recording in its own ledger. */
export function migrator(ledger: MigrationLedger, list: readonly Migration[]) {
  return (client: Client, migrations: readonly Migration[] = list, now?: () => Date): Promise<number[]> =>
    runMigrations(client, ledger, migrations, now);
}

/** Applies every migration the database has not seen yet, in version order; returns the versions applied now. */
export async function runMigrations(
  client: Client,
  { table, subject }: MigrationLedger,
  migrations: readonly Migration[],
  now: () => Date = () => new Date(),
): Promise<number[]> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`Not a ledger table name: ${table}`);
  await client.execute(`CREATE TABLE IF NOT EXISTS ${table} (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`);
  const known = Math.max(0, ...migrations.map((migration) => migration.version));
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const tx = await client.transaction("write");
    try {
      const rows = await tx.execute(`SELECT version FROM ${table}`);
      const done = new Set(rows.rows.map((row) => Number(row.version)));
      const newest = Math.max(0, ...done);
      if (newest > known) {
        throw new Error(
          `${subject} at schema version ${newest}, newer than this code knows (${known}). Deploy the newer code, or point DATABASE_URL at the right database.`,
        );
      }
      if (done.has(migration.version)) continue;
      for (const sql of migration.statements) await tx.execute(sql);
      await tx.execute({
        sql: `INSERT INTO ${table} (version, name, applied_at) VALUES (?, ?, ?)`,
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
