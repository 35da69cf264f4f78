"use server";

import { headers } from "next/headers";
import { after } from "next/server";

import { clientIp } from "@/lib/contact/ip";
import { getContactRuntime } from "@/lib/contact/runtime";
import { refreshFormToken } from "@/lib/contact/spam";
import type { EnquiryState } from "@/lib/contact/state";
import { FORM_TOKEN_FIELD } from "@/lib/contact/fields";
import { handleEnquiry, malformedRequestState, readSubmission } from "@/lib/contact/submit";
import { getPostBySlug } from "@/lib/content/posts";

/**
 * The contact form's server action (used with useActionState; also answers a
 * plain form POST when JavaScript is off). All the work is in handleEnquiry;
 * the owner email is sent with `after`, once the prospect has their answer.
 */
export async function submitEnquiry(_previous: EnquiryState, formData: FormData): Promise<EnquiryState> {
  // A server action is a public endpoint: its arguments are whatever the request decodes to, not what the
  // types say. A crafted call (no arguments, a FormData in the wrong place, a number) is refused, never thrown on.
  if (!(formData instanceof FormData)) return malformedRequestState();
  const runtime = getContactRuntime(getPostBySlug);
  const requestHeaders = await headers();
  return handleEnquiry(
    readSubmission(formData),
    { client: clientIp(requestHeaders, runtime.env.TRUST_PROXY), userAgent: requestHeaders.get("user-agent") },
    await runtime.submitDeps((task) => after(task), formData.get(FORM_TOKEN_FIELD)),
  );
}

/**
 * A fresh form token for a page left open for hours (components/contact/use-enquiry-form.ts asks when its tab comes
 * back into view): see refreshFormToken in lib/contact/spam.ts. Throws when the secret cannot be read (the
 * database is down): the form then keeps the token it has.
 */
export async function refreshEnquiryToken(previous: unknown): Promise<string> {
  const runtime = getContactRuntime(getPostBySlug);
  const { secret } = await runtime.formSecret();
  return refreshFormToken(typeof previous === "string" ? previous : "", {
    secret,
    now: Date.now(),
    minAgeMs: runtime.env.CONTACT_MIN_SUBMIT_SECONDS * 1000,
  });
}
