import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import type { Mailer } from "./mailer";

/**
 * The transport used when no RESEND_API_KEY is set (a fresh clone, local
 * development): each email becomes `<outbox>/<key>.json` (everything that
 * would have been sent) plus `<key>.html` to open in a browser, and the
 * server logs where it went. Nothing leaves the machine.
 */
export function createOutboxMailer({ dir, log = console }: { dir: string; log?: Pick<Console, "info"> }): Mailer {
  const absolute = path.resolve(dir);
  return {
    description: `local outbox (${absolute.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), absolute) : absolute})`,
    async send(email) {
      const name = email.idempotencyKey.replace(/[^A-Za-z0-9_-]/g, "_");
      const file = path.join(absolute, `${name}.json`);
      try {
        await mkdir(absolute, { recursive: true });
        const record = { ...email, writtenAt: new Date().toISOString() };
        await writeFile(file, `${JSON.stringify(record, null, 2)}\n`, "utf8");
        await writeFile(path.join(absolute, `${name}.html`), email.html, "utf8");
      } catch (error) {
        return {
          ok: false,
          error: `Outbox: could not write ${file}: ${error instanceof Error ? error.message : String(error)}`,
          rateLimited: false,
        };
      }
      log.info(`[contact] No RESEND_API_KEY: email written to ${file}`);
      return { ok: true, id: null, where: file, outbox: true };
    },
  };
}
