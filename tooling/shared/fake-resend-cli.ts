/**
 * Runs the fake Resend API as a process (Playwright starts it as a webServer):
 *   node --import tsx tooling/shared/fake-resend-cli.ts   (port from FAKE_RESEND_PORT)
 */
import { startFakeResend } from "./fake-resend";

const port = Number(process.env.FAKE_RESEND_PORT ?? 0);
const fake = await startFakeResend({ port });
console.log(`Fake Resend listening on ${fake.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void fake.close().then(() => process.exit(0));
  });
}
