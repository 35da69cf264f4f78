import { buildFunnel, percent, type Funnel } from "@/lib/bookings/funnel";

import type { FindPost } from "./email";
import { qualifyingSummary, replaceControlCharacters, topicLabel } from "./schema";
import type { EnquiryRecord, EnquiryStatus, FunnelCount, SourceSummary } from "./store";

/**
 * The funnel report behind `npm run enquiries`: recent enquiries, and which
 * articles they came from, so the author sees which articles convert.
 */

export type FunnelReport = {
  generatedAt: string;
  totals: Record<EnquiryStatus, number> & { all: number };
  recent: Array<
    Pick<
      EnquiryRecord,
      | "id"
      | "createdAt"
      | "name"
      | "email"
      | "company"
      | "topic"
      | "teamSize"
      | "timeline"
      | "helpKind"
      | "status"
      | "attempts"
      | "lastError"
      | "heldReason"
      | "bookingStatus"
    > & {
      topicLabel: string;
      /** The qualifying answers as the subject line shows them ("40–100 engineers, this quarter"), "" if none. */
      qualifiers: string;
      source: string | null;
    }
  >;
  /** Enquiries per source article, spam and held-as-flood excluded; `slug: null` is the contact page reached directly. */
  bySource: Array<{
    slug: string | null;
    title: string;
    enquiries: number;
    share: number;
    sent: number;
    unsent: number;
    lastAt: string;
  }>;
  /** From enquiry to booked call, per source article and per month (lib/bookings/funnel.ts). */
  funnel: Funnel;
  /** Newsletter sign-ups per source article beside its enquiries; `slug: null` is the footer or /newsletter. */
  subscribersBySource: Array<{
    slug: string | null;
    title: string;
    subscribers: number;
    pending: number;
    enquiries: number;
  }>;
};

/** Newsletter sign-ups per source article (lib/newsletter/store.ts countsBySource). */
export type SubscriberSourceCount = { sourceSlug: string | null; confirmed: number; pending: number };

export function buildReport(
  {
    recent,
    bySource,
    totals,
    subscribers = [],
    funnel = [],
  }: {
    recent: EnquiryRecord[];
    funnel?: FunnelCount[];
    bySource: SourceSummary[];
    totals: Record<EnquiryStatus, number>;
    subscribers?: SubscriberSourceCount[];
  },
  { findPost, now = new Date() }: { findPost: FindPost; now?: Date },
): FunnelReport {
  const counted = bySource.reduce((sum, row) => sum + row.enquiries, 0);
  const articleTitle = (slug: string | null, none: string) =>
    slug ? (findPost(slug)?.title ?? `${slug} (no longer published)`) : none;
  return {
    generatedAt: now.toISOString(),
    totals: { ...totals, all: totals.pending + totals.sent + totals.failed + totals.spam + totals.held },
    recent: recent.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      name: row.name,
      email: row.email,
      company: row.company,
      topic: row.topic,
      teamSize: row.teamSize,
      timeline: row.timeline,
      helpKind: row.helpKind,
      topicLabel: topicLabel(row.topic),
      qualifiers: qualifyingSummary(row),
      bookingStatus: row.bookingStatus,
      source: row.sourceSlug,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      heldReason: row.heldReason,
    })),
    bySource: bySource.map((row) => ({
      slug: row.sourceSlug,
      title: row.sourceSlug
        ? (findPost(row.sourceSlug)?.title ?? `${row.sourceSlug} (no longer published)`)
        : "(none: the contact page directly)",
      enquiries: row.enquiries,
      share: counted === 0 ? 0 : row.enquiries / counted,
      sent: row.sent,
      unsent: row.unsent,
      lastAt: row.lastAt,
    })),
    funnel: buildFunnel(funnel, findPost),
    subscribersBySource: subscribers
      .filter((row) => row.confirmed + row.pending > 0)
      .map((row) => ({
        slug: row.sourceSlug,
        title: articleTitle(row.sourceSlug, "(none: the footer or /newsletter)"),
        subscribers: row.confirmed,
        pending: row.pending,
        enquiries: bySource.find((enquiries) => enquiries.sourceSlug === row.sourceSlug)?.enquiries ?? 0,
      })),
  };
}

/** Terminal-safe, fixed-width cell (control characters from old rows can't move the cursor). */
function cell(value: string, width: number, align: "left" | "right" = "left"): string {
  const chars = Array.from(replaceControlCharacters(value, "?"));
  const fitted = chars.length > width ? `${chars.slice(0, width - 1).join("")}…` : chars.join("");
  const padding = " ".repeat(Math.max(0, width - Array.from(fitted).length));
  return align === "left" ? fitted + padding : padding + fitted;
}

function table(headers: Array<[string, number, ("left" | "right")?]>, rows: string[][]): string[] {
  const line = (values: string[]) =>
    `  ${values.map((value, index) => cell(value, headers[index]![1], headers[index]![2])).join("  ")}`.trimEnd();
  return [line(headers.map(([title]) => title)), ...rows.map(line)];
}

const shortDate = (iso: string) => iso.slice(0, 16).replace("T", " ");

function funnelLines({ funnel }: FunnelReport): string[] {
  if (funnel.total.enquiries === 0) return [];
  const row = (label: string, entry: Funnel["total"]) => [
    label,
    String(entry.enquiries),
    String(entry.booked),
    percent(entry.shareBooked),
  ];
  const headers = (first: [string, number]): Array<[string, number, ("left" | "right")?]> => [
    first,
    ["Enquiries", 9, "right"],
    ["Booked calls", 12, "right"],
    ["Booked", 6, "right"],
  ];
  return [
    "",
    `From enquiry to booked call (spam and held-as-flood excluded): ${funnel.total.booked} of ${funnel.total.enquiries} booked (${percent(funnel.total.shareBooked)})`,
    ...table(
      headers(["Source", 48]),
      funnel.bySource.map((entry) => row(entry.title, entry)),
    ),
    "",
    ...table(
      headers(["Month", 7]),
      funnel.byMonth.map((entry) => row(entry.month, entry)),
    ),
  ];
}

function subscriberLines(report: FunnelReport): string[] {
  if (report.subscribersBySource.length === 0) return [];
  return [
    "",
    "Newsletter subscribers per source article, beside its enquiries",
    ...table(
      [
        ["Source", 48],
        ["Subscribers", 11, "right"],
        ["Pending", 7, "right"],
        ["Enquiries", 9, "right"],
      ],
      report.subscribersBySource.map((row) => [
        row.title,
        String(row.subscribers),
        String(row.pending),
        String(row.enquiries),
      ]),
    ),
  ];
}

export function formatReport(report: FunnelReport): string {
  const { totals } = report;
  const lines: string[] = [];
  lines.push(
    `Enquiries: ${totals.all} stored — ${totals.sent} sent, ${totals.failed} failed, ${totals.pending} pending, ${totals.held} held, ${totals.spam} spam`,
    "",
  );
  if (report.recent.length === 0) {
    lines.push("No enquiries yet.", ...subscriberLines(report));
    return lines.join("\n");
  }
  lines.push(`Recent (latest ${report.recent.length}, times in UTC)`);
  lines.push(
    ...table(
      [
        ["Date", 16],
        ["Name", 22],
        ["Topic", 22],
        ["Team, when, help", 36],
        ["Source", 34],
        ["Status", 7],
        ["Call", 9],
      ],
      report.recent.map((row) => [
        shortDate(row.createdAt),
        row.name,
        row.topicLabel,
        row.qualifiers || "—",
        row.source ?? "—",
        row.status,
        row.bookingStatus ?? "—",
      ]),
    ),
  );
  lines.push("", "Enquiries per source article (spam and held-as-flood excluded)");
  lines.push(
    ...table(
      [
        ["Source", 48],
        ["Enquiries", 9, "right"],
        ["Share", 5, "right"],
        ["Last", 10],
      ],
      report.bySource.map((row) => [
        row.title,
        String(row.enquiries),
        `${Math.round(row.share * 100)}%`,
        row.lastAt.slice(0, 10),
      ]),
    ),
  );
  if (totals.held > 0)
    lines.push(
      "",
      `⚠ ${totals.held} held (stored, not emailed: a limit tripped): npm run enquiries -- --held, then --release <id> or --mark-spam <id>`,
    );
  lines.push(...funnelLines(report));
  lines.push(...subscriberLines(report));
  const unsent = totals.pending + totals.failed;
  if (unsent > 0)
    lines.push(
      "",
      `⚠ ${unsent} ${unsent === 1 ? "enquiry has" : "enquiries have"} not been emailed yet: run npm run enquiries:retry`,
    );
  return lines.join("\n");
}

/** `npm run enquiries -- --held` / `--spam`: one block per row, with the id to act on and why it is there. */
export function formatReview(
  title: string,
  rows: Array<
    Pick<
      EnquiryRecord,
      "id" | "createdAt" | "name" | "email" | "topic" | "message" | "status" | "lastError" | "heldReason"
    >
  >,
  {
    describeHeld,
    spamCounts,
  }: { describeHeld: (reason: string | null) => string; spamCounts?: Array<{ reason: string; count: number }> },
): string {
  const safe = (value: string) => replaceControlCharacters(value, " ");
  const lines = [title];
  if (spamCounts) {
    const total = spamCounts.reduce((sum, entry) => sum + entry.count, 0);
    lines.push(
      `Caught in the last 30 days: ${total}${total ? ` (${spamCounts.map((entry) => `${entry.reason} ${entry.count}`).join(", ")})` : ""}; a sample is kept below.`,
    );
  }
  if (rows.length === 0) lines.push("", "None.");
  for (const row of rows) {
    const why = row.status === "held" ? describeHeld(row.heldReason) : (row.lastError ?? "").replace(/^spam: /, "");
    lines.push(
      "",
      `  ${row.id}  ${shortDate(row.createdAt)}  ${row.status}: ${safe(why)}`,
      `    ${safe(row.name)} <${safe(row.email)}> · ${topicLabel(row.topic)}`,
      `    ${safe(row.message).slice(0, 160)}${row.message.length > 160 ? "…" : ""}`,
    );
  }
  lines.push("", "Release one (it is emailed to you as usual): npm run enquiries -- --release <id>");
  lines.push("Mark one as spam:                           npm run enquiries -- --mark-spam <id>");
  return lines.join("\n");
}
