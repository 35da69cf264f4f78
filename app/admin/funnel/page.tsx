import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";

import { FunnelChart } from "@/components/admin/funnel-chart";
import { HeldReviewList } from "@/components/admin/held-review";
import { isAuthorised } from "@/lib/admin/basic-auth";
import { buildFunnel, percent, type FunnelLine } from "@/lib/bookings/funnel";
import { loadHeldReview } from "@/lib/contact/held-review";
import { getContactRuntime } from "@/lib/contact/runtime";
import { getPostBySlug } from "@/lib/content/posts";
import "@/components/admin/admin.css";

/**
 * /admin/funnel: enquiries and booked calls per month and per source article (held-as-flood and spam excluded),
 * and the held review, likely-real first, for the author. HTTP Basic
 * (user admin, password ADMIN_TOKEN) is answered by the proxy; this page checks again and is a 404 without
 * ADMIN_TOKEN or valid credentials. Rendered per request, never cached, never indexed, not in the sitemap.
 */

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Funnel",
  robots: { index: false, follow: false },
};

function Row({ label, line }: { label: string; line: FunnelLine }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{line.enquiries}</td>
      <td className="num">{line.booked}</td>
      <td className="num">{percent(line.shareBooked)}</td>
    </tr>
  );
}

function Head({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">
          Enquiries
        </th>
        <th scope="col" className="num">
          Booked calls
        </th>
        <th scope="col" className="num">
          Booked
        </th>
      </tr>
    </thead>
  );
}

export default async function FunnelPage() {
  const runtime = getContactRuntime(getPostBySlug);
  const token = runtime.env.ADMIN_TOKEN;
  if (!token || !isAuthorised((await headers()).get("authorization"), token)) notFound();
  const [counts, held] = await Promise.all([
    runtime.store.funnelCounts(),
    loadHeldReview(runtime.store, { limit: 20, now: new Date() }),
  ]);
  const funnel = buildFunnel(counts, getPostBySlug);

  return (
    <div className="container admin-funnel">
      <header className="page-head">
        <h1>From enquiry to booked call</h1>
        <p className="page-head__lede">
          Real enquiries (spam and enquiries held as part of a flood excluded) and the calls booked from them.
        </p>
      </header>
      <p className="admin-funnel__totals">
        {funnel.total.booked} of {funnel.total.enquiries} enquiries booked a call ({percent(funnel.total.shareBooked)})
      </p>
      {funnel.byMonth.length > 0 ? (
        <>
          <h2>Per month</h2>
          <FunnelChart months={funnel.byMonth} />
          <table className="admin-table">
            <caption>Per month (UTC)</caption>
            <Head first="Month" />
            <tbody>
              {funnel.byMonth.map((month) => (
                <Row key={month.month} label={month.month} line={month} />
              ))}
            </tbody>
          </table>
          <h2>Per source article</h2>
          <table className="admin-table">
            <caption>Per source article</caption>
            <Head first="Source" />
            <tbody>
              {funnel.bySource.map((source) => (
                <Row key={source.slug ?? "(none)"} label={source.title} line={source} />
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>No enquiries yet.</p>
      )}
      <HeldReviewList review={held} />
    </div>
  );
}
