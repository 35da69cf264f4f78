import { after } from "next/server";

import { clientIp } from "@/lib/contact/ip";
import { getPostBySlug } from "@/lib/content/posts";
import { ANSWER_COOKIE, ANSWER_MAX_AGE_SECONDS, encodeAnswer, newAnswerId } from "@/lib/forms/answer-cookie";
import { getNewsletterRuntime } from "@/lib/newsletter/runtime";
import type { SubscribeState } from "@/lib/newsletter/state";
import {
  deliverConfirmation,
  handleSubscribe,
  malformedSubscribeState,
  readSubscription,
  unavailableSubscribeState,
} from "@/lib/newsletter/service";
import { newsletterAnswerPath } from "@/lib/routes";

/**
 * Every sign-up form posts here (after a post, in the footer, on /newsletter). With JavaScript the island asks
 * for JSON (`Accept: application/json`) and shows the answer in place; a plain form post gets a 303 to
 * /newsletter, which shows the answer (carried in a short-lived cookie, lib/forms/answer-cookie.ts). Cross-site
 * posts never get here: proxy.ts screens form posts. The confirmation email goes out after the answer.
 */
export async function POST(request: Request): Promise<Response> {
  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    form = null;
  }
  const state = form ? await subscribe(request, form) : malformedSubscribeState();
  if ((request.headers.get("accept") ?? "").includes("application/json")) {
    return Response.json({ state }, { headers: { "cache-control": "no-store" } });
  }
  const source = form?.get("source");
  const answer = newAnswerId();
  const location = newsletterAnswerPath({ from: typeof source === "string" && source ? source : undefined, answer });
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return new Response(null, {
    status: 303,
    headers: {
      location,
      "cache-control": "no-store",
      "set-cookie": `${ANSWER_COOKIE}=${encodeAnswer(answer, state)}; Path=/newsletter; Max-Age=${ANSWER_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`,
    },
  });
}

async function subscribe(request: Request, form: FormData): Promise<SubscribeState> {
  let runtime;
  try {
    runtime = await getNewsletterRuntime(getPostBySlug);
  } catch (error) {
    // Without CONTACT_FORM_SECRET the secret lives in the database: if it cannot be read, say so and keep the address.
    console.error(`[newsletter] Sign-up NOT stored: ${error instanceof Error ? error.message : String(error)}`);
    return unavailableSubscribeState(form);
  }
  const { state, deliver } = await handleSubscribe(
    readSubscription(form),
    { client: clientIp(request.headers, runtime.env.TRUST_PROXY) },
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
