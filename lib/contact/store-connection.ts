import { mkdirSync } from "node:fs";
import path from "node:path";

import { createClient, type Client } from "@libsql/client";

/**
 * A connection to one of the site's libSQL databases (enquiries, newsletter subscribers): opened lazily (and
 * migrated) on first use, retried while another process holds the lock on a local file, thrown away after any
 * failure.
 */

/** The store could not be reached or written: the enquiry was NOT saved. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}

/** The URL without credentials or query, for messages. */
export function describeDatabaseUrl(url: string): string {
  return url.split("?")[0]!.replace(/\/\/[^/@]*@/, "//");
}

/** `file:` URLs name a path relative to the working directory; make sure its folder exists. */
function prepareLocalFile(url: string): void {
  if (!url.startsWith("file:")) return;
  let target = url.slice("file:".length).split("?")[0]!;
  if (target.startsWith("//")) target = target.replace(/^\/\/(?:localhost)?/, "");
  if (target === "" || target.startsWith(":memory:")) return;
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
}

function withTimeout(ms: number): (input: Request) => Promise<Response> {
  return (input) => fetch(input, { signal: AbortSignal.timeout(ms) });
}

/** libSQL wraps driver errors; the code and message that say what happened can be anywhere in the cause chain. */
export function someCause(error: unknown, test: (code: string, message: string) => boolean): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (test(String(code ?? ""), String(message ?? ""))) return true;
  }
  return false;
}

/** Another connection holds the lock on a local file (another instance, the retry script, a backup). */
function isBusy(error: unknown): boolean {
  return someCause(
    error,
    (code, message) =>
      /^SQLITE_(BUSY|LOCKED)/.test(code) || /database is locked|database table is locked/i.test(message),
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type ConnectionOptions = {
  url: string;
  authToken?: string;
  timeoutMs?: number;
  /** How long a statement on a locked local file is retried before the store counts as unavailable. */
  lockWaitMs?: number;
};

/** Which database a connection serves: its migrations, and its name in error messages ("the enquiry database"). */
export type DatabaseSchema = {
  name: string;
  migrate: (db: Client) => Promise<unknown>;
};

export type Connection = {
  /**
   * Runs `work`; any failure is reported as StoreUnavailableError (`Could not <what> …`), with the cause kept.
   * A locked file is retried without blocking the event loop for up to `lockWaitMs`.
   */
  withDb<T>(what: string, work: (db: Client) => Promise<T>): Promise<T>;
  /** Runs `work` after every earlier serialised call has finished (a one-slot queue, no busy waiting). */
  serialised<T>(work: () => Promise<T>): Promise<T>;
  close(): void;
};

export function openConnection(
  { url, authToken, timeoutMs = 8_000, lockWaitMs = 3_000 }: ConnectionOptions,
  { name, migrate }: DatabaseSchema,
): Connection {
  let ready: Promise<Client> | undefined;
  let opened: Client | undefined;
  let queue: Promise<unknown> = Promise.resolve();

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
      discard();
      throw error;
    });
    return ready;
  }

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
          // Every statement here is atomic, so one refused with SQLITE_BUSY changed nothing and can run again.
          const closedUnderUs = (error as { code?: unknown }).code === "CLIENT_CLOSED";
          if (!(isBusy(error) || closedUnderUs) || (Date.now() >= deadline && !(closedUnderUs && attempt === 0)))
            throw error;
          await sleep(Math.min(25 * 2 ** attempt, 250, Math.max(1, deadline - Date.now())));
        }
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreUnavailableError(`Could not ${what} in ${name} (${describeDatabaseUrl(url)}): ${reason}`, {
        cause: error,
      });
    }
  }

  function serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  return { withDb, serialised, close: discard };
}
