import type { Metadata } from "next";

import { ConfirmSubscription } from "@/components/newsletter/confirm-subscription";
import { NewsletterNextSteps } from "@/components/newsletter/next-steps";
import { getPostBySlug } from "@/lib/content/posts";
import type { ConfirmPageResult } from "@/lib/newsletter/messages";
import { getNewsletterRuntime } from "@/lib/newsletter/runtime";
import { checkConfirmationLink } from "@/lib/newsletter/service";

import { confirmNewsletter } from "./actions";
import "../newsletter.css";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/**
 * GET shows what the link would do and, while it is unused, a button; only pressing it (a POST, ./actions.ts)
 * confirms. Mail scanners that follow every link in an email therefore subscribe nobody.
 */
export default async function ConfirmPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const link = typeof token === "string" ? token : "";
  let initial: ConfirmPageResult;
  try {
    initial = await checkConfirmationLink(link, (await getNewsletterRuntime(getPostBySlug)).deps);
  } catch (error) {
    console.error(`[newsletter] Confirmation link not read: ${error instanceof Error ? error.message : String(error)}`);
    initial = "unavailable";
  }
  return (
    <div className="container newsletter">
      <ConfirmSubscription
        action={confirmNewsletter}
        token={link}
        initial={initial}
        permalink={`/newsletter/confirm?token=${encodeURIComponent(link)}`}
      />
      <NewsletterNextSteps />
    </div>
  );
}
