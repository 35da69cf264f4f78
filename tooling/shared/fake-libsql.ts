import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";

import { createClient, type Client, type InValue, type ResultSet, type Transaction } from "@libsql/client";

import { readBody, send } from "./fake-resend";

/**
 * A remote libSQL server for tests, on 127.0.0.1: it speaks Hrana over HTTP (version 2, JSON: `POST /v2/pipeline`),
 * which `@libsql/client` uses for `http://`, `https://` and `libsql://…?tls=0` URLs, as Turso's servers do, and
 * runs every statement on a local SQLite file. There is no sqld on these machines, and the `turso` CLI's sync
 * server fails the client's `close`; this lets the stores' remote code paths run for real: the pipeline, batons
 * (one SQLite connection per stream, so an interactive transaction keeps its connection), batches with
 * conditions, `get_autocommit`, `close`, the bearer token, and SQLite's errors (SQLITE_BUSY…) passed back as codes.
 *
 *   const db = await startFakeLibsql({ file: "/tmp/x.db", authToken: "t" }); // db.url = http://127.0.0.1:port
 *   db.outage(true): every request answers 503 until outage(false); db.requests counts pipeline calls.
 */

type HranaValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

type HranaStmt = {
  sql?: string;
  sql_id?: number;
  args?: HranaValue[];
  named_args?: Array<{ name: string; value: HranaValue }>;
  want_rows?: boolean;
};

type BatchCond =
  | { type: "ok" | "error"; step: number }
  | { type: "not"; cond: BatchCond }
  | { type: "and" | "or"; conds: BatchCond[] }
  | { type: "is_autocommit" };

type StreamRequest =
  | { type: "close" }
  | { type: "execute"; stmt: HranaStmt }
  | { type: "batch"; batch: { steps: Array<{ condition?: BatchCond; stmt: HranaStmt }> } }
  | { type: "sequence"; sql?: string; sql_id?: number }
  | { type: "store_sql"; sql_id: number; sql: string }
  | { type: "close_sql"; sql_id: number }
  | { type: "get_autocommit" }
  | { type: string };

/**
 * A stream: its client, the transaction it opened (the local client rolls back a BEGIN left on a pooled connection,
 * so BEGIN/COMMIT/ROLLBACK map onto its transaction API, which holds one connection), and the SQL texts stored on it.
 */
type Stream = { db: Client; tx: Transaction | null; stored: Map<number, string> };

export type FakeLibsql = {
  url: string;
  /** Pipeline requests received (each is one HTTP round trip of the client). */
  requests: number;
  /** Streams open now (a client that closes its streams leaves none). */
  openStreams(): number;
  outage(down: boolean): void;
  close(): Promise<void>;
};

function decodeValue(value: HranaValue): InValue {
  switch (value.type) {
    case "null":
      return null;
    case "integer":
      return BigInt(value.value);
    case "float":
      return value.value;
    case "text":
      return value.value;
    case "blob":
      return Buffer.from(value.base64, "base64");
  }
}

function encodeValue(value: unknown): HranaValue {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  if (typeof value === "number") return { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  if (value instanceof ArrayBuffer) return { type: "blob", base64: Buffer.from(value).toString("base64") };
  if (ArrayBuffer.isView(value)) {
    return { type: "blob", base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  }
  return { type: "text", value: String(value) };
}

function sqlOf(stream: Stream, { sql, sql_id }: { sql?: string; sql_id?: number }): string {
  const text = sql ?? (sql_id === undefined ? undefined : stream.stored.get(sql_id));
  if (text === undefined) throw Object.assign(new Error(`no SQL stored as ${sql_id}`), { code: "SQL_NOT_FOUND" });
  return text;
}

function statementOf(stream: Stream, stmt: HranaStmt): { sql: string; args: InValue[] | Record<string, InValue> } {
  const sql = sqlOf(stream, stmt);
  if (stmt.named_args && stmt.named_args.length > 0) {
    const args: Record<string, InValue> = {};
    for (const { name, value } of stmt.named_args) args[name.replace(/^[:@$]/, "")] = decodeValue(value);
    return { sql, args };
  }
  return { sql, args: (stmt.args ?? []).map(decodeValue) };
}

function encodeResult(result: ResultSet) {
  return {
    cols: result.columns.map((name, index) => ({ name, decltype: result.columnTypes[index] || null })),
    rows: result.rows.map((row) => result.columns.map((_, index) => encodeValue(row[index]))),
    affected_row_count: result.rowsAffected,
    last_insert_rowid: result.lastInsertRowid === undefined ? null : result.lastInsertRowid.toString(),
  };
}

function encodeError(error: unknown) {
  const { message, code } = error as { message?: unknown; code?: unknown };
  return { message: String(message ?? error), code: typeof code === "string" ? code : "UNKNOWN" };
}

const EMPTY = {
  columns: [],
  columnTypes: [],
  rows: [],
  rowsAffected: 0,
  lastInsertRowid: undefined,
} as unknown as ResultSet;

function sqliteError(message: string): Error {
  return Object.assign(new Error(message), { code: "SQLITE_ERROR" });
}

async function execute(stream: Stream, stmt: HranaStmt): Promise<ResultSet> {
  const statement = statementOf(stream, stmt);
  const words = statement.sql.trim().toUpperCase();
  if (/^BEGIN\b/.test(words)) {
    if (stream.tx) throw sqliteError("cannot start a transaction within a transaction");
    stream.tx = await stream.db.transaction(
      /\b(IMMEDIATE|EXCLUSIVE)\b/.test(words) ? "write" : /\bREADONLY\b/.test(words) ? "read" : "deferred",
    );
    return EMPTY;
  }
  const ends = /^(COMMIT|END)\b/.test(words)
    ? "commit"
    : /^ROLLBACK\b(?!\s+(TRANSACTION\s+)?TO\b)/.test(words)
      ? "rollback"
      : null;
  if (ends) {
    const tx = stream.tx;
    if (!tx) throw sqliteError(`cannot ${ends} - no transaction is active`);
    stream.tx = null;
    await (ends === "commit" ? tx.commit() : tx.rollback());
    return EMPTY;
  }
  return (stream.tx ?? stream.db).execute(statement);
}

function holds(cond: BatchCond | undefined, results: unknown[], errors: unknown[], stream: Stream): boolean {
  if (!cond) return true;
  switch (cond.type) {
    case "ok":
      return results[cond.step] != null;
    case "error":
      return errors[cond.step] != null;
    case "not":
      return !holds(cond.cond, results, errors, stream);
    case "and":
      return cond.conds.every((c) => holds(c, results, errors, stream));
    case "or":
      return cond.conds.some((c) => holds(c, results, errors, stream));
    case "is_autocommit":
      return stream.tx === null;
  }
}

async function handle(stream: Stream, request: StreamRequest): Promise<{ response: unknown; closes: boolean }> {
  switch (request.type) {
    case "close":
      return { response: { type: "close" }, closes: true };
    case "execute": {
      const { stmt } = request as Extract<StreamRequest, { type: "execute" }>;
      return { response: { type: "execute", result: encodeResult(await execute(stream, stmt)) }, closes: false };
    }
    case "batch": {
      const { batch } = request as Extract<StreamRequest, { type: "batch" }>;
      const results: unknown[] = [];
      const errors: unknown[] = [];
      for (const [index, step] of batch.steps.entries()) {
        results[index] = null;
        errors[index] = null;
        if (!holds(step.condition, results, errors, stream)) continue;
        try {
          results[index] = encodeResult(await execute(stream, step.stmt));
        } catch (error) {
          errors[index] = encodeError(error);
        }
      }
      return { response: { type: "batch", result: { step_results: results, step_errors: errors } }, closes: false };
    }
    case "sequence": {
      const sql = sqlOf(stream, request as Extract<StreamRequest, { type: "sequence" }>);
      await (stream.tx ?? stream.db).executeMultiple(sql);
      return { response: { type: "sequence" }, closes: false };
    }
    case "store_sql": {
      const { sql_id, sql } = request as Extract<StreamRequest, { type: "store_sql" }>;
      stream.stored.set(sql_id, sql);
      return { response: { type: "store_sql" }, closes: false };
    }
    case "close_sql":
      stream.stored.delete((request as Extract<StreamRequest, { type: "close_sql" }>).sql_id);
      return { response: { type: "close_sql" }, closes: false };
    case "get_autocommit":
      return { response: { type: "get_autocommit", is_autocommit: stream.tx === null }, closes: false };
    default:
      throw Object.assign(new Error(`request ${request.type} is not supported here`), { code: "NOT_SUPPORTED" });
  }
}

function closeStream(stream: Stream): void {
  stream.tx?.close(); // an open transaction is rolled back, as when a remote stream closes
  stream.db.close();
}

export async function startFakeLibsql({ file, authToken }: { file: string; authToken?: string }): Promise<FakeLibsql> {
  const streams = new Map<string, Stream>();
  const sockets = new Set<Socket>();
  let down = false;
  const fake = { requests: 0 };

  const server = createServer(async (request, response) => {
    if (down) return send(response, 503, { message: "fake libSQL: outage" });
    if (authToken && request.headers.authorization !== `Bearer ${authToken}`) {
      return send(response, 401, { message: "Unauthorized: bad or missing token" });
    }
    if (request.method !== "POST" || request.url !== "/v2/pipeline")
      return send(response, 404, { message: "Not found" });
    fake.requests += 1;
    let body: { baton?: string | null; requests: StreamRequest[] };
    try {
      body = JSON.parse(await readBody(request)) as typeof body;
    } catch {
      return send(response, 400, { message: "Bad JSON" });
    }
    let baton = body.baton ?? null;
    let stream = baton ? streams.get(baton) : undefined;
    if (baton && !stream) return send(response, 400, { message: "Unknown baton (the stream expired)" });
    if (!stream) {
      stream = { db: createClient({ url: `file:${file}`, intMode: "bigint" }), tx: null, stored: new Map() };
      baton = randomUUID();
      streams.set(baton, stream);
    }
    const results = [];
    let closed = false;
    for (const item of body.requests) {
      try {
        const { response: result, closes } = await handle(stream, item);
        results.push({ type: "ok", response: result });
        if (closes) closed = true;
      } catch (error) {
        results.push({ type: "error", error: encodeError(error) });
      }
    }
    if (closed) {
      closeStream(stream);
      streams.delete(baton!);
    }
    send(response, 200, { baton: closed ? null : baton, base_url: null, results });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return fake.requests;
    },
    openStreams: () => streams.size,
    outage: (value) => void (down = value),
    close: async () => {
      for (const stream of streams.values()) closeStream(stream);
      streams.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
