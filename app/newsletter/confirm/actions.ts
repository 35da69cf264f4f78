"use server";

import { after } from "next/server";

import { getPostBySlug } from "@/lib/content/posts";
import type { ConfirmState } from "@/lib/newsletter/messages";
import { getNewsletterRuntime } from "@/lib/newsletter/runtime";
import { confirmSubscription, syncSubscriber } from "@/lib/newsletter/service";

/**
 * The confirm page's button: a POST, so a link scanner that fetches the confirmation link with GET confirms nobody.
 * Also answers a plain form POST without JavaScript (the page renders this state). Resend's list is brought in line
 * after the answer; a failure stays due for `npm run newsletter:retry`.
 */
export async function confirmNewsletter(_previous: ConfirmState, formData: FormData): Promise<ConfirmState> {
  // A public endpoint: a crafted call whose arguments are not a form is refused, never thrown on.
  if (!(formData instanceof FormData)) return { result: "forged" };
  try {
    const runtime = await getNewsletterRuntime(getPostBySlug);
    const { result, sync } = await confirmSubscription(formData.get("token"), runtime.deps);
    if (sync)
      after(() =>
        syncSubscriber(sync, runtime.deps).catch((error) =>
          runtime.deps.log.error(`[newsletter] Sync of ${sync} stopped: ${String(error)}`),
        ),
      );
    return { result };
  } catch (error) {
    console.error(`[newsletter] Confirmation failed: ${error instanceof Error ? error.message : String(error)}`);
    return { result: "unavailable" };
  }
}
