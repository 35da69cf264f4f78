import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";

import { childEnv, freePort, stopChild } from "../../tooling/shared/proc";
import { createWorkspace } from "../../tooling/shared/workspace";

/**
 * `npm run dev` in a throwaway copy of the project (its own content, .contentlayer and .next, node_modules
 * hard-linked), on a free port on 127.0.0.1, with everything it prints collected. Nothing of this checkout is
 * written, so the production build the other specs serve is never touched. Stopped by PID (its process group).
 */

export type DevServer = {
  dir: string;
  url: string;
  pid: number;
  /** Everything printed so far (stdout and stderr, in arrival order). */
  output: () => string;
  /** Resolves with the time (performance.now()) the output after `from` first satisfies `done`. */
  waitForOutput: (from: number, done: (text: string) => boolean, timeoutMs: number) => Promise<number>;
  stop: () => Promise<void>;
};

export async function startDevServer(): Promise<DevServer> {
  const dir = createWorkspace("dev-e2e", { unique: true });
  const port = await freePort();
  // next dev sets its own NODE_ENV; one inherited from the runner would make it warn and misbehave.
  const env: Record<string, string | undefined> = { ...childEnv(dir) };
  delete env.NODE_ENV;
  const child: ChildProcess = spawn("npm", ["run", "dev", "--", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: dir,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let text = "";
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    for (const check of [...waiters]) check();
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code, signal) => reject(new Error(`npm run dev exited (${signal ?? code}):\n${text}`))),
  );
  exited.catch(() => undefined);

  const server: DevServer = {
    dir,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => text,
    waitForOutput: (from, done, timeoutMs) =>
      Promise.race([
        exited,
        new Promise<number>((resolve, reject) => {
          const check = () => {
            if (!done(text.slice(from))) return;
            waiters.delete(check);
            clearTimeout(timer);
            resolve(performance.now());
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            reject(
              new Error(
                `npm run dev did not print what was expected within ${timeoutMs} ms; it printed:\n${text.slice(from)}`,
              ),
            );
          }, timeoutMs);
          waiters.add(check);
          check();
        }),
      ]),
    stop: async () => {
      await stopChild(child);
      // npm is gone; next dev's own workers may still be closing: end the whole group before removing the copy.
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // The group has already gone.
      }
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
  try {
    // Listening (the first page compiles on the first request, which the caller makes and times).
    await server.waitForOutput(0, (printed) => /Ready in/.test(printed), 120_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}
