import type { Subscriber } from "./store";

/**
 * The subscriber list as CSV (RFC 4180): every field quoted when it holds a
 * comma, quote or line break, quotes doubled, CRLF between records. A cell
 * that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is
 * prefixed with an apostrophe, so an address typed as `=HYPERLINK(…)`
 * stays text when the export is opened in Excel or Sheets.
 */

export const CSV_COLUMNS = [
  "email",
  "status",
  "created_at",
  "confirmed_at",
  "unsubscribed_at",
  "source_slug",
  "ip_hash",
] as const;

export function csvCell(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(subscribers: readonly Subscriber[]): string {
  const rows = subscribers.map((s) =>
    [s.email, s.status, s.createdAt, s.confirmedAt, s.unsubscribedAt, s.sourceSlug, s.ipHash].map(csvCell).join(","),
  );
  return [CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}
