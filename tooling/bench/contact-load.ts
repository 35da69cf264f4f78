/**
 * Load on the contact server action: valid, distinct enquiries posted the way
 * a browser without JavaScript posts the form (tooling/shared/form.ts builds the
 * request), to the fake Resend.
 *
 * Form tokens are single-use, so each request needs its own rendered form: a pool
 * is fetched before the run. Requests beyond the pool reuse a token, which the site
 * treats as a replay (stored as spam, nobody emailed); `freshTokensUsed()` says how
 * many requests were real enquiries, so the report can say which path it measured.
 */
import { loadContactForms, multipart, noJsFields } from "../shared/form";

import type { LoadTarget } from "./serving";

export type ContactLoadTarget = LoadTarget & { freshTokensUsed: () => number; poolSize: number };

export async function contactLoadTarget(
  baseUrl: string,
  postPath: string,
  poolSize: number,
): Promise<ContactLoadTarget | null> {
  const slug = postPath.split("/").pop()!;
  // The bench server runs with CONTACT_MIN_SUBMIT_SECONDS=0: no need to wait for the tokens to age.
  const forms = await loadContactForms(baseUrl, poolSize, {}, 0).catch(() => null);
  if (!forms?.length) return null;
  const topic = forms[0]!.topics[0] ?? "something-else";
  let n = 0;
  return {
    name: "contact action (valid enquiry)",
    url: new URL("/contact", baseUrl).toString(),
    method: "POST",
    poolSize: forms.length,
    freshTokensUsed: () => Math.min(n, forms.length),
    request: () => {
      n += 1;
      const form = forms[Math.min(n, forms.length) - 1]!;
      const { body, contentType } = multipart(
        noJsFields(form, {
          name: `Bench Reader ${n}`,
          email: `reader-${n}-${process.pid}@example.com`,
          company: "Benchmark Ltd",
          topic,
          message: `Enquiry number ${n}: we would like to talk about our on-call rotation and incident reviews.`,
          source: slug,
        }),
      );
      return {
        body,
        headers: {
          "content-type": contentType,
          // The right-most entry is the client (one trusted proxy hop): a distinct address, in a distinct
          // network, per enquiry, so no per-client or per-network limit holds one.
          "x-forwarded-for": `198.51.100.7, 10.${n & 255}.${(n >> 8) & 255}.1`,
          origin: baseUrl,
        },
      };
    },
  };
}
