import { expect, test } from "@playwright/test";

import { NEWSLETTER_SEGMENT, runNewsletterDrill } from "../../tooling/drill/newsletter";
import { startDrillServer } from "../../tooling/drill/lib/server";

/**
 * The newsletter drill's invariants (drill/newsletter.ts) at CI size: its own
 * `next start` of the production build, a fresh database and the fake Resend.
 * Full-size figures: `npm run drill -- --only newsletter`.
 */
test("newsletter: hostile addresses, provider down at sign-up, replayed links and repeat sign-ups change nothing they should not", async ({}, testInfo) => {
  test.setTimeout(180_000);
  const server = await startDrillServer({ env: { RESEND_SEGMENT_ID: NEWSLETTER_SEGMENT } });
  try {
    const result = await runNewsletterDrill(server, { count: 10, badInput: 34 });
    await testInfo.attach("newsletter-drill.json", {
      body: JSON.stringify(result, null, 2),
      contentType: "application/json",
    });
    expect(result.badInput).toMatchObject({
      sent: 34,
      fieldErrors: 34,
      fiveXx: 0,
      stored: 0,
      emailsSent: 0,
      reflectedRaw: [],
    });
    expect(result.providerDown).toMatchObject({
      answeredCheckInbox: 10,
      pendingAfterOutage: 10,
      confirmationsExactlyOnce: 10,
      duplicates: 0,
    });
    expect(result.providerDown.retryRuns.at(-1)?.code).toBe(0);
    // Fetching the links as a mail scanner does (GET only) shows the button and confirms nobody; pressing it does.
    expect(result.confirm).toEqual({
      followed: 10,
      scannerGets: 10,
      scannerConfirmed: 0,
      confirmedPages: 10,
      confirmedRows: 10,
      inSegment: 10,
    });
    expect(result.replay).toEqual({ replayed: 10, usedPages: 10, rowsChanged: 0, providerCallsAdded: 0 });
    expect(result.resubscribe).toEqual({ sent: 10, answeredCheckInbox: 10, emailsAdded: 0 });
    expect(result.unsubscribe).toEqual({
      followed: 10,
      unsubscribedPages: 10,
      unsubscribedRows: 10,
      unsubscribedInResend: 10,
    });
    expect(result.loggedErrors).toEqual([]);
    expect(result.ok).toBe(true);
  } finally {
    await server.stop();
  }
});
