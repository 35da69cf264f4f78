import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/**
 * A production server of its own for one test, started as `npm start` starts it (server.mjs) on a free port of
 * 127.0.0.1, with the test's configuration only: the suite's contact settings are left out, so each test says
 * exactly what it runs with. Stopped by PID.
 */

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type StartedServer = {
  url: string;
  output: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

const SUITE_SETTINGS = /^(DATABASE_|RESEND_|CONTACT_|CRON_SECRET|TRUST_PROXY|SCHEDULER_|BOOKING_|ADMIN_TOKEN|SITE_URL)/;

/** Resolves once the server says it is ready (or rejects with its output if it exits first). */
export async function startServer(env: Record<string, string>, { timeoutMs = 30_000 } = {}): Promise<StartedServer> {
  const port = await freePort();
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key, value]) => value !== undefined && !SUITE_SETTINGS.test(key)),
  ) as Record<string, string>;
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    env: { ...base, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("▲ Ready on")) resolve();
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const outcome = await Promise.race([
    ready.then(() => "ready" as const),
    exited.then(() => "exited" as const),
    new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), timeoutMs).unref()),
  ]);
  if (outcome !== "ready") {
    await stop();
    throw new Error(`server.mjs ${outcome === "exited" ? "exited" : "was not ready in time"}:\n${output}`);
  }
  return { url: `http://127.0.0.1:${port}`, output: () => output, exited, stop };
}
