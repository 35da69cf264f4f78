import type { FindPost } from "@/lib/contact/email";
import type { FunnelCount } from "@/lib/contact/store";

/**
 * From enquiry to booked call, per source article and per month: what `npm run enquiries` prints and
 * /admin/funnel draws. Spam is never counted; a cancelled call no longer counts as booked.
 */

export type FunnelLine = { enquiries: number; booked: number; shareBooked: number };

export type Funnel = {
  total: FunnelLine;
  /** Per source article, most enquiries first; `slug: null` is the contact page reached directly. */
  bySource: Array<FunnelLine & { slug: string | null; title: string }>;
  /** Per month (UTC, `YYYY-MM`), newest first. */
  byMonth: Array<FunnelLine & { month: string }>;
};

const line = (enquiries: number, booked: number): FunnelLine => ({
  enquiries,
  booked,
  shareBooked: enquiries === 0 ? 0 : booked / enquiries,
});

function sum<K>(counts: FunnelCount[], key: (count: FunnelCount) => K): Map<K, { enquiries: number; booked: number }> {
  const totals = new Map<K, { enquiries: number; booked: number }>();
  for (const count of counts) {
    const entry = totals.get(key(count)) ?? { enquiries: 0, booked: 0 };
    entry.enquiries += count.enquiries;
    entry.booked += count.booked;
    totals.set(key(count), entry);
  }
  return totals;
}

export function buildFunnel(counts: FunnelCount[], findPost: FindPost): Funnel {
  const all = counts.reduce((acc, count) => ({ e: acc.e + count.enquiries, b: acc.b + count.booked }), { e: 0, b: 0 });
  const bySource = [...sum(counts, (count) => count.sourceSlug)]
    .map(([slug, entry]) => ({
      slug,
      title: slug ? (findPost(slug)?.title ?? `${slug} (no longer published)`) : "(none: the contact page directly)",
      ...line(entry.enquiries, entry.booked),
    }))
    .sort((a, b) => b.enquiries - a.enquiries || b.booked - a.booked || a.title.localeCompare(b.title));
  const byMonth = [...sum(counts, (count) => count.month)]
    .map(([month, entry]) => ({ month, ...line(entry.enquiries, entry.booked) }))
    .sort((a, b) => b.month.localeCompare(a.month));
  return { total: line(all.e, all.b), bySource, byMonth };
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;
