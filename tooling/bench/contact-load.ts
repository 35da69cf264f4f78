/**
 * Load on the contact server action: valid, distinct enquiries posted the way
 * a browser without JavaScript posts the form (tooling/shared/form.ts builds the
 * request), to the fake Resend.
 */
import { loadContactForm, multipart, noJsFields } from "../shared/form";

import type { LoadTarget } from "./serving";

export async function contactLoadTarget(baseUrl: string, postPath: string): Promise<LoadTarget | null> {
  const slug = postPath.split("/").pop()!;
  const form = await loadContactForm(baseUrl).catch(() => null);
  if (!form) return null;
  const topic = form.topics[0] ?? "something-else";
  let n = 0;
  return {
    name: "contact action (valid enquiry)",
    url: new URL("/contact", baseUrl).toString(),
    method: "POST",
    request: () => {
      n += 1;
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
          // The right-most entry is the client (one trusted proxy hop): a distinct address per enquiry.
          "x-forwarded-for": `198.51.100.7, 10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          origin: baseUrl,
        },
      };
    },
  };
}
