import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { handleRetryRequest } from "@/lib/contact/retry";
import { createEnquiryStore, type EnquiryStore } from "@/lib/contact/store";

import { startFakeResend, type FakeResend } from "../../../tooling/shared/fake-resend";

/**
 * The real route module, configured through the environment like `next start`
 * (this file runs in its own worker process, so setting process.env is safe).
 */

const CRON_SECRET = "cron-secret-for-the-route-test-0123456789";
let fake: FakeResend;
let dir: string;
let store: EnquiryStore;
let POST: (request: Request) => Promise<Response>;

function request(authorization?: string): Request {
  return new Request("http://127.0.0.1/api/enquiries/retry", {
    method: "POST",
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
  ({ POST } = await import("@/app/api/enquiries/retry/route"));
  store = createEnquiryStore({ url: process.env.DATABASE_URL! });
});

afterAll(async () => {
  store.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe("POST /api/enquiries/retry", () => {
  it("refuses a request without the Bearer CRON_SECRET", async () => {
    for (const authorization of [undefined, "Bearer wrong-secret", `Basic ${CRON_SECRET}`, `Bearer ${CRON_SECRET}x`]) {
      const response = await POST(request(authorization));
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="enquiries"');
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

    const response = await POST(request(`Bearer ${CRON_SECRET}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ due: 2, sent: 2, failed: 0, stoppedEarly: null });
    expect(fake.deliveries.map((delivery) => delivery.idempotencyKey).sort()).toEqual(ids);
    expect((await store.get(ids[0]!))?.status).toBe("sent");

    const again = await POST(request(`Bearer ${CRON_SECRET}`));
    expect(await again.json()).toMatchObject({ due: 0, sent: 0 });
    expect(fake.requests).toHaveLength(2);
  });

  it("is disabled (503) while CRON_SECRET is not set", async () => {
    const response = await handleRetryRequest(request("Bearer anything"), {
      cronSecret: undefined,
      run: () => Promise.reject(new Error("must not run")),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "The retry endpoint is disabled: set CRON_SECRET to enable it." });
  });
});
