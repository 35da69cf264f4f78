import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createEnquiryStore, type EnquiryStore } from "@/lib/contact/store";

import { handleScheduledRequest } from "@/lib/scheduled/route";

import { startFakeResend, type FakeResend } from "../../../tooling/shared/fake-resend";

/**
 * The real route module, configured through the environment like `next start`
 * (this file runs in its own worker process, so setting process.env is safe).
 */

const CRON_SECRET = "cron-secret-for-the-route-test-0123456789";
let fake: FakeResend;
let dir: string;
let store: EnquiryStore;
let GET: (request: Request) => Promise<Response>;
let POST: (request: Request) => Promise<Response>;

function request(authorization?: string, method = "POST"): Request {
  return new Request("http://127.0.0.1/api/enquiries/retry", {
    method,
    headers: authorization ? { authorization } : {},
  });
}

beforeAll(async () => {
  fake = await startFakeResend();
  dir = await mkdtemp(path.join(tmpdir(), "enquiries-route-"));
  Object.assign(process.env, {
    DATABASE_URL: `file:${path.join(dir, "enquiries.db")}`,
    RESEND_API_KEY: "re_test_route",
    RESEND_BASE_URL: fake.url,
    CONTACT_FROM_EMAIL: "Steady State <enquiries@steadystate.test>",
    CONTACT_TO_EMAIL: "owner@steadystate.test",
    CONTACT_FORM_SECRET: "route-test-secret-0123456789abcdef0123456789",
    CRON_SECRET,
  });
  ({ GET, POST } = await import("@/app/api/enquiries/retry/route"));
  store = createEnquiryStore({ url: process.env.DATABASE_URL! });
});

afterAll(async () => {
  store.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe("/api/enquiries/retry (the scheduled run for a cron)", () => {
  it("refuses a request without the Bearer CRON_SECRET, by GET (Vercel Cron) as by POST", async () => {
    for (const handler of [GET, POST]) {
      for (const authorization of [
        undefined,
        "Bearer wrong-secret",
        `Basic ${CRON_SECRET}`,
        `Bearer ${CRON_SECRET}x`,
      ]) {
        const response = await handler(request(authorization, handler === GET ? "GET" : "POST"));
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toBe('Bearer realm="enquiries"');
      }
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("with the secret, resends every unsent enquiry that is due and reports what it did", async () => {
    const createdAt = new Date(Date.now() - 10 * 60_000);
    const ids = ["8f5a7c3e-0000-4000-8000-000000000001", "8f5a7c3e-0000-4000-8000-000000000002"];
    for (const [index, id] of ids.entries()) {
      await store.create({
        id,
        createdAt,
        name: `Prospect ${index}`,
        email: `prospect${index}@example.com`,
        company: null,
        topic: "leadership-coaching",
        message: "A stored enquiry whose first email never went out.",
        sourceSlug: null,
        ipHash: `${index}`.repeat(64),
        userAgent: null,
        status: "pending",
      });
    }

    // Vercel Cron's call: GET with the bearer.
    const response = await GET(request(`Bearer ${CRON_SECRET}`, "GET"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, due: 2, sent: 2, failed: 0, stoppedEarly: null, digest: "skipped" });
    expect(body.purged).toEqual({ real: 0, spam: 0, spamCounts: 0 });
    expect(body.newsletter).toMatchObject({ confirmations: { due: 0 }, syncs: { due: 0 } });
    expect(fake.deliveries.map((delivery) => delivery.idempotencyKey).sort()).toEqual(ids);
    expect((await store.get(ids[0]!))?.status).toBe("sent");

    // Any other scheduler's call: POST, as before.
    const again = await POST(request(`Bearer ${CRON_SECRET}`));
    expect(await again.json()).toMatchObject({ ok: true, due: 0, sent: 0 });
    expect(fake.requests).toHaveLength(2);
  });

  it("answers 503 with the reason when the database cannot be reached, and skips (200) while another run holds the lease", async () => {
    const down = await handleScheduledRequest(request(`Bearer ${CRON_SECRET}`), {
      cronSecret: CRON_SECRET,
      run: async () => ({ ran: false, reason: "the database could not be reached: SQLITE_CANTOPEN" }),
    });
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      ok: false,
      error: "Retry failed: the database could not be reached: SQLITE_CANTOPEN",
    });
    const busy = await handleScheduledRequest(request(`Bearer ${CRON_SECRET}`, "GET"), {
      cronSecret: CRON_SECRET,
      run: async () => ({ ran: false, reason: "another run is in progress" }),
    });
    expect(busy.status).toBe(200);
    expect(await busy.json()).toEqual({ ok: true, skipped: "another run is in progress" });
  });

  it("is disabled (503) while CRON_SECRET is not set", async () => {
    const response = await handleScheduledRequest(request("Bearer anything"), {
      cronSecret: undefined,
      run: () => Promise.reject(new Error("must not run")),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "The retry endpoint is disabled: set CRON_SECRET to enable it." });
  });
});
