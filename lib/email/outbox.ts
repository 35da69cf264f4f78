import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import type { Mailer } from "./types";

/**
 * The transport used when no RESEND_API_KEY is set (a fresh clone, local development): each email becomes
 * `<outbox>/<key>.json` (everything that would have been sent) plus `<key>.html` to open in a browser, and the
 * server logs where it went. Nothing leaves the machine. The newsletter's draft digests are written the same way.
 */

/** The outbox file for `name`, without its extension (names are reduced to letters, digits, `_` and `-`). */
export function outboxFile(dir: string, name: string): string {
  return path.join(path.resolve(dir), name.replace(/[^A-Za-z0-9_-]/g, "_"));
}

/** Writes `<file>.json` (the record, with the time it was written) and `<file>.html`; a failure is a value. */
export async function writeToOutbox(
  file: string,
  record: Record<string, unknown>,
  html: string,
): Promise<{ ok: true } | { ok: false; error: string; rateLimited: false }> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      `${file}.json`,
      `${JSON.stringify({ ...record, writtenAt: new Date().toISOString() }, null, 2)}\n`,
      "utf8",
    );
    await writeFile(`${file}.html`, html, "utf8");
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      error: `Outbox: could not write ${file}.json: ${error instanceof Error ? error.message : String(error)}`,
      rateLimited: false,
    };
  }
}

/** `tag` names the feature in the log line ("[contact] No RESEND_API_KEY: email written to …"). */
export function createOutboxMailer({
  dir,
  log = console,
  tag = "contact",
}: {
  dir: string;
  log?: Pick<Console, "info">;
  tag?: string;
}): Mailer {
  const absolute = path.resolve(dir);
  return {
    description: `local outbox (${absolute.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), absolute) : absolute})`,
    async send(email) {
      const file = outboxFile(absolute, email.idempotencyKey);
      const written = await writeToOutbox(file, email, email.html);
      if (!written.ok) return written;
      log.info(`[${tag}] No RESEND_API_KEY: email written to ${file}.json`);
      return { ok: true, id: null, where: `${file}.json`, outbox: true };
    },
  };
}
