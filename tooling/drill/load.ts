/**
 * Drill: load. Concurrent readers (autocannon, keep-alive connections) cycle
 * through posts, lists, tag pages and every feed while valid enquiries arrive
 * through the form (with and without JavaScript).
 * Invariants: 0 errors, 0 timeouts, 0 non-2xx for readers; every enquiry
 * answered with success, stored and emailed once.
 */
import autocannon from "autocannon";

import { clientIp, drillEnquiry, percentile, sleep, submitEnquiry, waitUntil, type EnquiryAnswer } from "./lib/enquire";
import { loadContactForms } from "../shared/form";
import { enquiryRows, type DrillServer } from "./lib/server";

export type LoadResult = {
  connections: number;
  seconds: number;
  paths: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  enquiries: number;
  enquiriesSucceeded: number;
  enquiryP50Ms: number;
  enquiryP95Ms: number;
  enquiriesStored: number;
  enquiriesEmailed: number;
  ok: boolean;
};

/** Reader paths from the site itself: posts and tags from the sitemap, plus lists and feeds. */
export async function readerPaths(baseUrl: string): Promise<string[]> {
  const sitemap = await (await fetch(new URL("/sitemap.xml", baseUrl))).text();
  const fromSitemap = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const posts = fromSitemap.filter((p) => p.startsWith("/blog/") && !p.startsWith("/blog/page/"));
  const tags = fromSitemap.filter((p) => p.startsWith("/tags/")).slice(0, 4);
  return [
    ...new Set([
      "/",
      "/blog",
      "/tags",
      ...posts,
      ...tags,
      ...tags.map((t) => `${t}/feed.xml`),
      "/feed.xml",
      "/atom.xml",
      "/feed.json",
      "/sitemap.xml",
    ]),
  ];
}

export async function runLoad(
  server: DrillServer,
  { connections = 200, durationSeconds = 20, enquiryEveryMs = 100 } = {},
): Promise<LoadResult> {
  server.fake.reset();
  const paths = await readerPaths(server.url);
  // One form per enquiry (a token carries one enquiry), fetched before the readers start.
  const forms = await loadContactForms(server.url, Math.ceil((durationSeconds * 1000) / enquiryEveryMs) + 5, {
    "x-forwarded-for": clientIp("load", 0),
  });

  const readers = autocannon({
    url: server.url,
    connections,
    duration: durationSeconds,
    timeout: 10,
    requests: paths.map((path) => ({ method: "GET" as const, path })),
  });
  // Enquiries arrive steadily while the readers run (the provider answers normally).
  const answers: Promise<EnquiryAnswer>[] = [];
  const until = Date.now() + durationSeconds * 1000 - 500;
  let i = 0;
  while (Date.now() < until && i < forms.length) {
    const form = forms[i]!;
    i += 1;
    answers.push(
      submitEnquiry(server.url, form, drillEnquiry("load", i, form.topics[i % form.topics.length]!), {
        js: i % 2 === 0,
        ip: clientIp("load", i),
      }),
    );
    await sleep(enquiryEveryMs);
  }
  const [result, settled] = await Promise.all([readers, Promise.all(answers)]);
  const emails = new Set(settled.map((a) => a.enquiry.email));
  await waitUntil(
    () => server.fake.deliveries.filter((d) => emails.has(String(d.reply_to))).length >= settled.length,
    20_000,
  );
  const stored = (await enquiryRows(server)).filter((row) => emails.has(row.email));
  const emailed = new Set(
    server.fake.deliveries.filter((d) => emails.has(String(d.reply_to))).map((d) => d.idempotencyKey),
  ).size;
  const deliveries = server.fake.deliveries.filter((d) => emails.has(String(d.reply_to))).length;

  const out: LoadResult = {
    connections,
    seconds: durationSeconds,
    paths: paths.length,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    enquiries: settled.length,
    enquiriesSucceeded: settled.filter((a) => a.state === "success").length,
    enquiryP50Ms: percentile(
      settled.map((a) => a.ms),
      50,
    ),
    enquiryP95Ms: percentile(
      settled.map((a) => a.ms),
      95,
    ),
    enquiriesStored: stored.length,
    enquiriesEmailed: deliveries === emailed ? emailed : -deliveries,
    ok: false,
  };
  out.ok =
    out.errors === 0 &&
    out.timeouts === 0 &&
    out.non2xx === 0 &&
    out.requests > 0 &&
    out.enquiriesSucceeded === out.enquiries &&
    out.enquiriesStored === out.enquiries &&
    out.enquiriesEmailed === out.enquiries;
  return out;
}
