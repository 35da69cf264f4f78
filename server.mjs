/**
 * `npm start`: the production server. It is `next start` plus one thing Next
 * cannot do: tell the app the TCP peer address of each request. A server
 * action only sees headers, and `next start` copies the peer into
 * X-Forwarded-For only when the request has none, so without a proxy any
 * client could claim any address there and every limit keyed on it would be
 * either forgeable or shared by all.
 *
 * Here every request gets a private header holding its peer address. The
 * header's name is random per process and published to the app through a
 * global symbol (lib/contact/ip.ts reads it), any copy a client sent is
 * removed first, and under a plain `next start` the symbol is absent, so a
 * client cannot pass anything for the peer address.
 *
 *   HOST (default 0.0.0.0) and PORT (default 3000) as for `next start`, from the
 *   environment or a .env file.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

import nextEnv from "@next/env";
import next from "next";

export const SOCKET_ADDRESS_HEADER_KEY = Symbol.for("steady-state.socket-address-header");
const PREFIX = "x-socket-address-";

/** Removes any client-sent header with the private prefix and writes the peer address under this process's name. */
export function stampSocketAddress(req, headerName) {
  for (const name of Object.keys(req.headers)) if (name.startsWith(PREFIX)) delete req.headers[name];
  // rawHeaders feed some parts of Next (e.g. the Headers object of a proxy.ts request): keep them in step.
  const raw = [];
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    if (!req.rawHeaders[index].toLowerCase().startsWith(PREFIX))
      raw.push(req.rawHeaders[index], req.rawHeaders[index + 1]);
  }
  const address = req.socket.remoteAddress ?? "";
  req.headers[headerName] = address;
  raw.push(headerName, address);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
}

/**
 * In production Next starts the instrumentation hook (the configuration check and the scheduler, instrumentation.ts)
 * without waiting for it, so its report would come after "Ready". Wait for it: a bad configuration then stops the
 * server before it says it is ready. Next's server object is internal: if it ever changes shape, this waits for
 * nothing and the check still runs, just later.
 */
async function instrumentationRegistered(app) {
  try {
    const server = await app.server?.getServer?.();
    await server?.prepare?.();
  } catch (error) {
    console.error("✖ The server could not start:", error);
    process.exit(1);
  }
}

/** HOST and PORT may come from a .env file, as every other variable: load them the way Next does, before reading them. */
function loadEnvFiles() {
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
}

export async function main({ host, port } = {}) {
  loadEnvFiles();
  host ??= process.env.HOST || "0.0.0.0";
  port ??= Number(process.env.PORT || 3000);
  const headerName = `${PREFIX}${randomBytes(8).toString("hex")}`;
  globalThis[SOCKET_ADDRESS_HEADER_KEY] = headerName;
  const app = next({ dev: false, hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  await instrumentationRegistered(app);
  const server = createServer((req, res) => {
    stampSocketAddress(req, headerName);
    handle(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  console.log(
    `▲ Ready on http://${host.includes(":") ? `[${host}]` : host}:${port} (server.mjs: next start with the socket address)`,
  );
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error("✖ The server could not start:", error);
    process.exit(1);
  });
}
