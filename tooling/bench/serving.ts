/**
 * Requests per second and latency of `next start` (autocannon, 127.0.0.1,
 * bounded duration and connections), compared in the same run with a minimal
 * static server sending the same prerendered post HTML.
 */
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { stopChild } from "../shared/proc";

export type LoadResult = {
  name: string;
  path: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
};

export type LoadTarget = {
  name: string;
  url: string;
  method?: "GET" | "POST";
  /** Varying requests (e.g. enquiries with unique fields); called per request. */
  request?: () => { body?: string | Buffer; headers?: Record<string, string> };
  expectStatus?: number;
};

export async function load(
  target: LoadTarget,
  options_: { duration: number; connections: number },
): Promise<LoadResult> {
  const options: autocannon.Options = {
    url: target.url,
    method: target.method ?? "GET",
    duration: options_.duration,
    connections: options_.connections,
    timeout: 10,
  };
  if (target.request) {
    options.requests = [
      {
        method: target.method ?? "POST",
        setupRequest: (req: autocannon.Request) => {
          const extra = target.request!();
          return {
            ...req,
            ...(extra.body !== undefined ? { body: extra.body } : {}),
            headers: { ...req.headers, ...extra.headers },
          };
        },
      },
    ];
  }
  const result = await autocannon(options);
  const url = new URL(target.url);
  const expected = target.expectStatus ?? 200;
  const wrongStatus = Object.entries(result.statusCodeStats ?? {}).reduce(
    (n, [code, stat]) => (Number(code) === expected ? n : n + (stat as { count: number }).count),
    0,
  );
  return {
    name: target.name,
    path: url.pathname,
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: wrongStatus,
    total: result.requests.total,
  };
}

/** Serves `html` from a minimal static server in a child process for the duration of `fn`. */
export async function withStaticServer<T>(html: Buffer, fn: (url: string) => Promise<T>): Promise<T> {
  const file = path.join(tmpdir(), `bench-static-${process.pid}.html`);
  writeFileSync(file, html);
  const child = spawn(
    process.execPath,
    [path.join(path.dirname(new URL(import.meta.url).pathname), "lib", "static-server.mjs"), file],
    {
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (chunk) => resolve(String(chunk).trim()));
    child.once("exit", (code) => reject(new Error(`static server exited (${code})`)));
  });
  try {
    return await fn(`http://127.0.0.1:${port}/`);
  } finally {
    await stopChild(child);
  }
}
