import { describe, expect, it } from "vitest";

import { buildReport, formatReport } from "@/lib/contact/report";

const findPost = (slug: string) =>
  slug === "on-call" ? { title: "Designing an On-Call Rotation Nobody Dreads", url: "/blog/on-call" } : undefined;

describe("the funnel report with newsletter subscribers", () => {
  const report = buildReport(
    {
      recent: [],
      bySource: [{ sourceSlug: "on-call", enquiries: 2, sent: 2, unsent: 0, lastAt: "2025-11-03T09:30:00.000Z" }],
      totals: { pending: 0, sent: 2, held: 0, failed: 0, spam: 0 },
      subscribers: [
        { sourceSlug: "on-call", confirmed: 7, pending: 1 },
        { sourceSlug: null, confirmed: 3, pending: 0 },
        { sourceSlug: "retired", confirmed: 0, pending: 0 },
      ],
    },
    { findPost, now: new Date("2025-11-04T00:00:00Z") },
  );

  it("puts subscribers per article beside its enquiries, naming the footer/newsletter page for no article", () => {
    expect(report.subscribersBySource).toEqual([
      {
        slug: "on-call",
        title: "Designing an On-Call Rotation Nobody Dreads",
        subscribers: 7,
        pending: 1,
        enquiries: 2,
      },
      { slug: null, title: "(none: the footer or /newsletter)", subscribers: 3, pending: 0, enquiries: 0 },
    ]);
  });

  it("prints the table even before the first enquiry", () => {
    const text = formatReport(report);
    expect(text).toContain("Newsletter subscribers per source article, beside its enquiries");
    expect(text).toMatch(/Designing an On-Call Rotation Nobody Dreads\s+7\s+1\s+2/);
  });

  it("leaves the report as it was when nobody subscribed", () => {
    const plain = buildReport(
      { recent: [], bySource: [], totals: { pending: 0, sent: 0, held: 0, failed: 0, spam: 0 } },
      { findPost },
    );
    expect(plain.subscribersBySource).toEqual([]);
    expect(formatReport(plain)).not.toContain("Newsletter");
  });
});
