import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createEnquiryStore } from "@/lib/contact/store";

import { startFakeResend, type FakeResend } from "../../../tooling/shared/fake-resend";

const run = promisify(execFile);
let dir: string;
let fake: FakeResend;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "scheduled-script-"));
  fake = await startFakeResend();
});

afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe("npm run scheduled (a system cron's command when the server's scheduler is off)", () => {
  it("runs the scheduled run once: the enquiry whose email failed is sent, and each step is reported", async () => {
    const url = `file:${path.join(dir, "enquiries.db")}`;
    const store = createEnquiryStore({ url });
    const id = "8f5a7c3e-0000-4000-8000-00000000c0de";
    await store.create({
      id,
      createdAt: new Date(Date.now() - 10 * 60_000),
      name: "Grace Hopper",
      email: "grace@example.com",
      company: null,
      topic: "delivery-process",
      message: "An enquiry whose first email failed during an outage.",
      sourceSlug: null,
      ipHash: "b".repeat(64),
      userAgent: null,
      status: "pending",
    });
    await store.markFailed(id, { error: "Resend 503", nextAttemptAt: new Date(Date.now() - 1_000) });
    store.close();

    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/scheduled-run.ts"], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        DATABASE_URL: url,
        RESEND_API_KEY: "re_scheduled_script",
        RESEND_BASE_URL: fake.url,
        CONTACT_FROM_EMAIL: "Steady State <enquiries@steadystate.co.uk>",
        CONTACT_TO_EMAIL: "nora@steadystate.co.uk",
      },
      timeout: 45_000,
    });
    expect(stdout).toMatch(
      /\[scheduled\] Run \(script\): enquiries 1 due, 1 sent, 0 failed; purged 0 old and 0 spam; held digest skipped \(nothing-held\); newsletter confirmations 0\/0 sent/,
    );
    expect(fake.deliveries.map((delivery) => delivery.idempotencyKey)).toEqual([id]);
  });
});
