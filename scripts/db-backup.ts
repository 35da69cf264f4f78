/**
 * `npm run db:backup -- <file>`: a consistent copy of the local enquiry database (DATABASE_URL=file:…) while the
 * server runs, with SQLite's VACUUM INTO (a plain `cp` can copy a file in the middle of a write). The copy holds
 * personal data: it is written readable by its owner only. For a remote database (Turso) use its own backups
 * (point-in-time restore, or `turso db shell <db> .dump`). See docs/deploy.md.
 */
import "./load-env";

import { chmod, mkdir, stat } from "node:fs/promises";
import path from "node:path";

import { createClient } from "@libsql/client";

import { ConfigError, getEnv } from "../lib/env";

const target = process.argv[2];
if (!target) {
  console.error("✖ Usage: npm run db:backup -- <file>   (e.g. /var/backups/steady-state/enquiries-$(date +%F).db)");
  process.exit(2);
}

try {
  const { DATABASE_URL } = getEnv();
  if (!DATABASE_URL.startsWith("file:")) {
    console.error(
      `✖ DATABASE_URL is a remote database (${DATABASE_URL.split("?")[0]}): back it up with its provider's tools (Turso: point-in-time restore, or turso db shell <db> .dump).`,
    );
    process.exit(1);
  }
  const file = path.resolve(target);
  if (await stat(file).catch(() => null)) {
    console.error(`✖ ${file} exists already: give a new file name (VACUUM INTO never overwrites).`);
    process.exit(1);
  }
  await mkdir(path.dirname(file), { recursive: true });
  const db = createClient({ url: DATABASE_URL });
  try {
    await db.execute({ sql: "VACUUM INTO ?", args: [file] });
  } finally {
    db.close();
  }
  await chmod(file, 0o600);
  console.log(`✓ ${DATABASE_URL} copied to ${file} (${(await stat(file)).size} bytes)`);
} catch (error) {
  console.error(`✖ ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
