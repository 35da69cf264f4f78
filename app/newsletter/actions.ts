"use server";

import { headers } from "next/headers";
import { after } from "next/server";

import { clientIp } from "@/lib/contact/ip";
import { getPostBySlug } from "@/lib/content/posts";
import { getNewsletterRuntime, type NewsletterRuntime } from "@/lib/newsletter/runtime";
import type { SubscribeState } from "@/lib/newsletter/state";
import {
  deliverConfirmation,
  handleSubscribe,
  malformedSubscribeState,
  readSubscription,
  unavailableSubscribeState,
} from "@/lib/newsletter/service";

/**
 * The subscribe forms' server action (the end of a post, the footer, /newsletter); also answers a plain
 * form POST without JavaScript. The confirmation email goes out with `after`, once the reader has the answer.
 */
export async function subscribeToNewsletter(_previous: SubscribeState, formData: FormData): Promise<SubscribeState> {
  // A public endpoint: a crafted call whose arguments are not a form is refused, never thrown on.
  if (!(formData instanceof FormData)) return malformedSubscribeState();
  let runtime: NewsletterRuntime;
  try {
    runtime = await getNewsletterRuntime(getPostBySlug);
  } catch (error) {
    // Without CONTACT_FORM_SECRET the secret lives in the database: if it cannot be read, say so and keep the address.
    console.error(`[newsletter] Sign-up NOT stored: ${error instanceof Error ? error.message : String(error)}`);
    return unavailableSubscribeState(formData);
  }
  const requestHeaders = await headers();
  const { state, deliver } = await handleSubscribe(
    readSubscription(formData),
    { client: clientIp(requestHeaders, runtime.env.TRUST_PROXY) },
    runtime.deps,
  );
  if (deliver) {
    after(async () => {
      try {
        await deliverConfirmation(deliver, runtime.deps);
      } catch (error) {
        runtime.deps.log.error(
          `[newsletter] Confirmation for ${deliver} stopped: ${error instanceof Error ? error.message : String(error)}. npm run newsletter:retry sends it.`,
        );
      }
    });
  }
  return state;
}
