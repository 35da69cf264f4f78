import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export type Server = { url: string; pid: number; stop: () => Promise<void> };

/** `next start` on 127.0.0.1 in `cwd`; stopped by PID (its whole process group). */
export async function startNext(
  cwd: string,
  env: Record<string, string | undefined> = {},
  port?: number,
): Promise<Server> {
  port ??= await freePort();
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd,
      env: childEnv(cwd, { NODE_ENV: "production", ...env }),
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`next start exited with code ${code}`))),
  );
  try {
    await Promise.race([waitForHttp(`${url}/`), exited]);
  } catch (error) {
    killGroup(child);
    throw new Error(`next start failed: ${(error as Error).message}\n${stderr}`);
  }
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The environment for a child in another copy of the project: PWD set to
 * that copy, and without npm's `npm_*`/`INIT_CWD` variables, which point
 * tools back at this checkout instead of the copy they run in.
 */
export function childEnv(cwd: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== "INIT_CWD") env[key] = value;
  }
  // contentlayer2 takes its working directory from PWD, which spawn's `cwd` does not update.
  return { ...env, PWD: cwd, NEXT_TELEMETRY_DISABLED: "1", ...extra } as unknown as NodeJS.ProcessEnv;
}

export type Timed = { seconds: number; peakRssMb: number | null; status: number; output: string };

/** Runs a command to completion, measuring wall time and (with GNU time) peak RSS of the whole tree's largest process. */
export function timed(
  cmd: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Timed {
  const useTime = existsSync("/usr/bin/time");
  const started = performance.now();
  const result = useTime
    ? spawnSync("/usr/bin/time", ["-v", cmd, ...args], {
        cwd: options.cwd,
        env: childEnv(options.cwd, options.env),
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 256 * 1024 * 1024,
      })
    : spawnSync(cmd, args, {
        cwd: options.cwd,
        env: childEnv(options.cwd, options.env),
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 256 * 1024 * 1024,
      });
  const seconds = (performance.now() - started) / 1000;
  const rss = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1] : undefined;
  return {
    seconds,
    peakRssMb: rss ? Number(rss) / 1024 : null,
    status: result.status ?? 1,
    output: `${result.stdout}\n${result.stderr}`,
  };
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}
