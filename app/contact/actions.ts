"use server";

import { headers } from "next/headers";
import { after } from "next/server";

import { clientIp } from "@/lib/contact/ip";
import { getContactRuntime } from "@/lib/contact/runtime";
import type { EnquiryState } from "@/lib/contact/state";
import { handleEnquiry, readSubmission } from "@/lib/contact/submit";

/**
 * The contact form's server action (used with useActionState; also answers a
 * plain form POST when JavaScript is off). All the work is in handleEnquiry;
 * the owner email is sent with `after`, once the prospect has their answer.
 */
export async function submitEnquiry(_previous: EnquiryState, formData: FormData): Promise<EnquiryState> {
  const runtime = getContactRuntime();
  const requestHeaders = await headers();
  return handleEnquiry(
    readSubmission(formData),
    { ip: clientIp(requestHeaders, { trustProxy: runtime.env.TRUST_PROXY }), userAgent: requestHeaders.get("user-agent") },
    runtime.submitDeps((task) => after(task)),
  );
}
