import { describe, expect, it } from "vitest";

import { buildReport, formatReport } from "@/lib/contact/report";
import type { EnquiryRecord } from "@/lib/contact/store";

const base: EnquiryRecord = {
  id: "id-1",
  createdAt: "2025-11-03T09:30:00.000Z",
  name: "Ada Lovelace",
  email: "ada@example.com",
  company: null,
  topic: "delivery-process",
  teamSize: null,
  timeline: null,
  helpKind: null,
  message: "m",
  sourceSlug: "on-call",
  ipHash: null,
  userAgent: null,
  status: "sent",
  attempts: 1,
  lastError: null,
  sentAt: null,
  nextAttemptAt: null,
  lockedUntil: null,
  ackSentAt: null,
  providerMessageId: null,
  heldReason: null,
  bookingLink: null,
  bookingStatus: null,
  bookingUid: null,
  bookingChangedAt: null,
  signals: null,
  formAgeMs: null,
};

const findPost = (slug: string) =>
  slug === "on-call" ? { title: "Designing an On-Call Rotation Nobody Dreads", url: "/blog/on-call" } : undefined;

describe("funnel report", () => {
  const report = buildReport(
    {
      recent: [
        base,
        {
          ...base,
          id: "id-2",
          name: "Grace\u001b[2JHopper",
          sourceSlug: null,
          status: "failed",
          topic: "workshop-talk",
        },
      ],
      bySource: [
        { sourceSlug: "on-call", enquiries: 3, sent: 3, unsent: 0, lastAt: "2025-11-03T09:30:00.000Z" },
        { sourceSlug: null, enquiries: 1, sent: 0, unsent: 1, lastAt: "2025-11-02T09:30:00.000Z" },
        { sourceSlug: "retired-post", enquiries: 1, sent: 1, unsent: 0, lastAt: "2025-10-01T09:30:00.000Z" },
      ],
      totals: { pending: 0, sent: 4, failed: 1, spam: 2, held: 0 },
    },
    { findPost, now: new Date("2025-11-04T00:00:00Z") },
  );

  it("counts per source article with titles and shares", () => {
    expect(report.totals.all).toBe(7);
    expect(report.bySource.map(({ title, enquiries, share }) => [title, enquiries, share])).toEqual([
      ["Designing an On-Call Rotation Nobody Dreads", 3, 0.6],
      ["(none: the contact page directly)", 1, 0.2],
      ["retired-post (no longer published)", 1, 0.2],
    ]);
    expect(report.recent[1]).toMatchObject({ topicLabel: "A workshop or talk", source: null, status: "failed" });
  });

  it("prints a readable table: date, name, topic, source, status, and a nudge to retry", () => {
    const text = formatReport(report);
    expect(text).toContain("Enquiries: 7 stored — 4 sent, 1 failed, 0 pending, 0 held, 2 spam");
    expect(text).toMatch(/2025-11-03 09:30\s+Ada Lovelace\s+Delivery and process\s+—\s+on-call\s+sent/);
    expect(text).toMatch(/Designing an On-Call Rotation Nobody Dreads\s+3\s+60%\s+2025-11-03/);
    expect(text).toContain("1 enquiry has not been emailed yet: run npm run enquiries:retry");
    // Control characters from stored rows cannot reach the terminal.
    expect(text).not.toContain("\u001b");
    expect(text).toContain("Grace?[2JHopper");
  });

  it("says so when there is nothing yet", () => {
    const empty = buildReport(
      { recent: [], bySource: [], totals: { pending: 0, sent: 0, failed: 0, spam: 0, held: 0 } },
      { findPost },
    );
    expect(formatReport(empty)).toContain("No enquiries yet.");
  });
});
