import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createEnquiryStore, type EnquiryStore, type NewEnquiry } from "@/lib/contact/store";

import { startFakeResend, type FakeResend } from "../../../tooling/shared/fake-resend";

/** `npm run enquiries` and `npm run enquiries:retry`, run as the owner would (same node flags as package.json). */

const run = promisify(execFile);
let dir: string;
let url: string;
let store: EnquiryStore;
let fake: FakeResend;

async function script(name: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", `scripts/${name}`, ...args], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        DATABASE_URL: url,
        ...env,
      },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function enquiry(overrides: Partial<NewEnquiry>): NewEnquiry {
  return {
    id: randomUUID(),
    createdAt: new Date(Date.now() - 60 * 60_000),
    name: "Ada Lovelace",
    email: `${randomUUID()}@example.com`,
    company: null,
    topic: "delivery-process",
    message: `A real enquiry about delivery ${randomUUID()}`,
    sourceSlug: null,
    ipHash: randomUUID(),
    userAgent: null,
    status: "pending",
    ...overrides,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "enquiries-scripts-"));
  url = `file:${path.join(dir, "enquiries.db")}`;
  store = createEnquiryStore({ url });
  fake = await startFakeResend();
  const onCall = "designing-an-on-call-rotation-nobody-dreads";
  for (const [index, sourceSlug] of [
    onCall,
    onCall,
    onCall,
    "code-review-is-a-conversation-not-a-gate",
    null,
  ].entries()) {
    const created = enquiry({
      sourceSlug,
      name: `Prospect ${index}`,
      createdAt: new Date(Date.now() - (10 - index) * 60 * 60_000),
    });
    await store.create(created);
    await store.markSent(created.id, { now: new Date(), providerMessageId: null });
    if (index === 0) {
      // The first prospect booked a call (a signed Cal.com webhook does this in production).
      await store.applyBookingEvent({
        trigger: "BOOKING_CREATED",
        bookingUid: "bk_scripts",
        enquiryId: created.id,

        at: new Date(),
      });
    }
  }
  await store.create(enquiry({ sourceSlug: onCall, status: "spam", lastError: "spam: honeypot" }));
  const failed = enquiry({ name: "Grace Hopper", sourceSlug: onCall });
  await store.create(failed);
  await store.claimForDelivery(failed.id, { now: new Date(), lockedUntil: new Date(Date.now() - 1) });
  await store.markFailed(failed.id, {
    error: "Resend 500 internal_server_error: down",
    nextAttemptAt: new Date(Date.now() + 60 * 60_000),
  });
});

afterAll(async () => {
  store.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe("npm run enquiries", () => {
  it("--json gives the recent enquiries and the count per source article", async () => {
    const { code, stdout } = await script("enquiries.ts", ["--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      totals: Record<string, number>;
      recent: Array<{ name: string }>;
      bySource: Array<{ slug: string | null; title: string; enquiries: number }>;
    };
    expect(report.totals).toMatchObject({ all: 7, sent: 5, failed: 1, spam: 1 });
    expect(report.recent).toHaveLength(7);
    expect(report.bySource.map(({ slug, title, enquiries }) => [slug, title, enquiries])).toEqual([
      ["designing-an-on-call-rotation-nobody-dreads", "Designing an On-Call Rotation Nobody Dreads", 4],
      // Equal counts: the most recent first.
      [null, "(none: the contact page directly)", 1],
      ["code-review-is-a-conversation-not-a-gate", "Code Review Is a Conversation, Not a Gate", 1],
    ]);
  });

  it("--json gives the funnel from enquiry to booked call per source article and per month (spam excluded)", async () => {
    const { code, stdout } = await script("enquiries.ts", ["--json"]);
    expect(code).toBe(0);
    const { funnel, recent } = JSON.parse(stdout) as {
      funnel: {
        total: { enquiries: number; booked: number; shareBooked: number };
        bySource: Array<{ slug: string | null; enquiries: number; booked: number; shareBooked: number }>;
        byMonth: Array<{ month: string; enquiries: number; booked: number }>;
      };
      recent: Array<{ name: string; bookingStatus: string | null }>;
    };
    expect(funnel.total).toEqual({ enquiries: 6, booked: 1, shareBooked: 1 / 6 });
    expect(funnel.bySource[0]).toEqual({
      slug: "designing-an-on-call-rotation-nobody-dreads",
      title: "Designing an On-Call Rotation Nobody Dreads",
      enquiries: 4,
      booked: 1,
      shareBooked: 0.25,
    });
    expect(funnel.bySource.slice(1).every((entry) => entry.booked === 0)).toBe(true);
    // The rows were made within the last hours: one month, or two across a month's first hours.
    expect(funnel.byMonth.reduce((sum, entry) => sum + entry.enquiries, 0)).toBe(6);
    expect(funnel.byMonth.reduce((sum, entry) => sum + entry.booked, 0)).toBe(1);
    expect(funnel.byMonth.every((entry) => /^\d{4}-\d{2}$/.test(entry.month))).toBe(true);
    expect(recent.find((row) => row.name === "Prospect 0")?.bookingStatus).toBe("booked");
  });

  it("prints the tables for a person", async () => {
    const { code, stdout } = await script("enquiries.ts", ["--limit", "3"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Enquiries: 7 stored — 5 sent, 1 failed, 0 pending, 0 held, 1 spam");
    expect(stdout).toContain("Recent (latest 3, times in UTC)");
    expect(stdout).toMatch(/Designing an On-Call Rotation Nobody Dreads\s+4\s+67%/);
    expect(stdout).toContain("From enquiry to booked call (spam and held-as-flood excluded): 1 of 6 booked (17%)");
    expect(stdout).toMatch(/Designing an On-Call Rotation Nobody Dreads\s+4\s+1\s+25%/);
    expect(stdout).toContain("1 enquiry has not been emailed yet: run npm run enquiries:retry");
  });

  it("stops with the variable's name on a bad configuration", async () => {
    const { code, stderr } = await script("enquiries.ts", [], { DATABASE_URL: "postgres://localhost/x" });
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL: must be a libSQL URL");
  });
});

describe("npm run enquiries:retry", () => {
  const env = () => ({
    RESEND_API_KEY: "re_test_scripts",
    RESEND_BASE_URL: fake.url,
    CONTACT_FROM_EMAIL: "Site <site@example.com>",
    CONTACT_FORM_SECRET: "s".repeat(40),
  });

  it("respects the backoff schedule unless told --now, then sends once and exits 0", async () => {
    const waiting = await script("enquiries-retry.ts", [], env());
    expect(waiting.code).toBe(1);
    expect(waiting.stdout).toContain(
      "Done: 0 due, 0 sent, 0 failed. 1 still unsent (use --now to ignore their backoff).",
    );
    expect(fake.requests).toHaveLength(0);

    fake.queue({ kind: "status", status: 503, name: "application_error", message: "maintenance" });
    const failing = await script("enquiries-retry.ts", ["--now"], env());
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("✗");
    expect(failing.stdout).toContain("Resend 503 application_error: maintenance");

    const sending = await script("enquiries-retry.ts", ["--now"], env());
    expect(sending.code).toBe(0);
    expect(sending.stdout).toContain("Done: 1 due, 1 sent, 0 failed. Every enquiry has been emailed.");
    expect(fake.deliveries).toHaveLength(1);
    expect(fake.deliveries[0]).toMatchObject({ subject: "New enquiry: Delivery and process — Grace Hopper" });
    expect(fake.deliveries[0]!.html).toContain("Designing an On-Call Rotation Nobody Dreads");
  });
});

describe("npm run enquiries: reviewing held and spam enquiries", () => {
  it("--held and --spam list each with its id and reason; --release emails a held one once; --mark-spam keeps one from ever being sent", async () => {
    const reviewUrl = `file:${path.join(dir, "review.db")}`;
    const review = createEnquiryStore({ url: reviewUrl });
    const client = "c".repeat(64);
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      const created = enquiry({
        ipHash: client,
        name: `Flooded ${index}`,
        createdAt: new Date(Date.now() - 30 * 60_000 + index),
      });
      ids.push(created.id);
      await review.create(created);
    }
    await review.create(enquiry({ name: "Caught Bot", status: "spam", lastError: "spam: honeypot" }));
    review.close();
    const env = {
      DATABASE_URL: reviewUrl,
      RESEND_API_KEY: "re_scripts_fake",
      RESEND_BASE_URL: fake.url,
      CONTACT_FROM_EMAIL: "Site <site@example.com>",
    };

    const held = await script("enquiries.ts", ["--held"], env);
    expect(held.code).toBe(0);
    expect(held.stdout).toContain(`${ids[5]}`);
    expect(held.stdout).toContain("held: many enquiries from one client address within the hour");
    expect(held.stdout).toContain("npm run enquiries -- --release <id>");

    const spam = await script("enquiries.ts", ["--spam"], env);
    expect(spam.stdout).toContain("spam: honeypot");
    expect(spam.stdout).toContain("Caught Bot");

    fake.reset();
    const released = await script("enquiries.ts", ["--release", ids[5]!], env);
    expect(released.code).toBe(0);
    expect(released.stdout).toMatch(/^✓ Released .* and emailed it/m);
    expect(fake.deliveries.filter((delivery) => delivery.subject?.includes("Flooded 5"))).toHaveLength(1);
    expect((await script("enquiries.ts", ["--release", ids[5]!], env)).code).toBe(1); // no longer held

    const marked = await script("enquiries.ts", ["--mark-spam", ids[6]!], env);
    expect(marked.stdout).toContain("marked as spam");
    const after = await script("enquiries.ts", ["--json"], env);
    expect((JSON.parse(after.stdout) as { totals: Record<string, number> }).totals).toMatchObject({
      held: 0,
      spam: 2,
      sent: 1,
      pending: 5,
    });

    const purge = await script("enquiries-purge.ts", [], env);
    expect(purge.stdout).toContain("Deleted 0 enquiries older than 365 days and 0 spam older than 30 days");
    // Eight script processes (tsx start-up each, ~1–2 s on a quiet machine): ample headroom on a busy one.
  }, 120_000);
});
