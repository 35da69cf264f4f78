"use server";

import { headers } from "next/headers";
import { after } from "next/server";

import { clientIp } from "@/lib/contact/ip";
import { getNewsletterRuntime } from "@/lib/newsletter/runtime";
import type { SubscribeState } from "@/lib/newsletter/state";
import { deliverConfirmation, handleSubscribe, malformedSubscribeState, readSubscription } from "@/lib/newsletter/service";

/**
 * The subscribe forms' server action (the end of a post, the footer, /newsletter); also answers a plain
 * form POST without JavaScript. The confirmation email goes out with `after`, once the reader has the answer.
 */
export async function subscribeToNewsletter(_previous: SubscribeState, formData: FormData): Promise<SubscribeState> {
  // A public endpoint: a crafted call whose arguments are not a form is refused, never thrown on.
  if (!(formData instanceof FormData)) return malformedSubscribeState();
  const runtime = getNewsletterRuntime();
  const requestHeaders = await headers();
  const { state, deliver } = await handleSubscribe(readSubscription(formData), { ip: clientIp(requestHeaders, { trustProxy: runtime.env.TRUST_PROXY }) }, runtime.deps);
  if (deliver) {
    after(async () => {
      try {
        await deliverConfirmation(deliver, runtime.deps);
      } catch (error) {
        runtime.deps.log.error(`[newsletter] Confirmation for ${deliver} stopped: ${error instanceof Error ? error.message : String(error)}. npm run newsletter:retry sends it.`);
      }
    });
  }
  return state;
}
