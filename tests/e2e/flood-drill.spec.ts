import { expect, test } from "@playwright/test";

import { runFloodDrill } from "../../tooling/drill/flood-table";
import { startDrillServer } from "../../tooling/drill/lib/server";

/**
 * The flood drill (tooling/drill/flood.ts, flood-newsletter.ts) at CI size, against the DEFAULT configuration
 * (`npm start` with only the fake Resend and a temporary database), each sender from its own loopback address.
 * Full-size figures: `npm run drill -- --only flood`.
 */
test("flood: believable enquiries from 6 networks, 60 from one, then 3 real prospects; the newsletter's counterpart", async ({}, testInfo) => {
  // About 45 s on a quiet machine (the flood and the prospects wait a person's 16 s each; 230 + 231 posts, three
  // operator commands): 180 s keeps well over 2x headroom on a busy 2-core machine.
  test.setTimeout(180_000);
  const server = await startDrillServer({ defaults: true });
  try {
    const result = await runFloodDrill(server, { networks: 6, perNetwork: 5, flood: 60 });
    await testInfo.attach("flood.json", { body: JSON.stringify(result, null, 2), contentType: "application/json" });
    const { enquiries, newsletter } = result;
    for (const prospect of enquiries.prospects) {
      expect(prospect.answer, prospect.label).toBe("success");
      expect(prospect.stored, prospect.label).toBe(true);
      // Emailed once, or held and in the top 3 of both the held review and a digest sent with --send-digest.
      expect(prospect.ok, JSON.stringify(prospect)).toBe(true);
    }
    expect(enquiries.rowsStored).toBeLessThanOrEqual(120);
    expect(enquiries.fiveXx).toBe(0);
    // The flood was bounded: most of it counted, not stored.
    expect(enquiries.heldCounted).toBeGreaterThanOrEqual(40);
    expect(newsletter.genuine.ok, JSON.stringify(newsletter.genuine)).toBe(true);
    expect(newsletter.dishonest).toEqual([]);
    expect(newsletter.rowsStored).toBeLessThanOrEqual(120);
    expect(newsletter.fiveXx).toBe(0);
    expect(result.ok).toBe(true);
  } finally {
    await server.stop();
  }
});
