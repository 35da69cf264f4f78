import type { Metadata } from "next";

import { getPostBySlug } from "@/lib/content/posts";
import { getNewsletterRuntime } from "@/lib/newsletter/runtime";
import { confirmSubscription, type ConfirmResult } from "@/lib/newsletter/service";
import { site } from "@/lib/site";

import { LinkOutcome, type OutcomeText } from "../outcome";
import "../newsletter.css";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

const PAGES: Record<ConfirmResult, OutcomeText> = {
  confirmed: {
    title: "You’re subscribed",
    body: `Thank you. The next essay from ${site.name} will reach you by email, about twice a month. Every email has a one-click unsubscribe.`,
  },
  used: {
    title: "This link has already been used",
    body: "Nothing has changed: a confirmation link works once. If you confirmed with it, you are subscribed; if you unsubscribed since, subscribe again on the newsletter page.",
  },
  expired: {
    title: "This link has expired",
    body: "Confirmation links work for 48 hours. Subscribe again on the newsletter page and you will get a fresh one.",
  },
  forged: {
    title: "This link isn’t valid",
    body: "It may have been cut short by your email app, or replaced by a newer link. Open the most recent confirmation email, or subscribe again on the newsletter page.",
  },
};

export default async function ConfirmPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const runtime = await getNewsletterRuntime(getPostBySlug);
  const { result, sync } = await confirmSubscription(token, runtime.deps);
  return <LinkOutcome result={result} sync={sync} pages={PAGES} runtime={runtime} />;
}
