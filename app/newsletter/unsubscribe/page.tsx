import type { Metadata } from "next";

import { getPostBySlug } from "@/lib/content/posts";
import { getNewsletterRuntime } from "@/lib/newsletter/runtime";
import { unsubscribe, type UnsubscribeResult } from "@/lib/newsletter/service";
import { site } from "@/lib/site";

import { LinkOutcome, type OutcomeText } from "../outcome";
import "../newsletter.css";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

const PAGES: Record<UnsubscribeResult, OutcomeText> = {
  unsubscribed: {
    title: "You’re unsubscribed",
    body: `You will get no more emails from the ${site.name} newsletter. Changed your mind? Subscribe again any time.`,
  },
  already: {
    title: "You’re already unsubscribed",
    body: "Nothing has changed: this address gets no newsletter emails.",
  },
  forged: {
    title: "This link isn’t valid",
    body: `It may have been cut short by your email app. Use the unsubscribe link of the latest email, or write to ${site.author.email} and I will remove your address by hand.`,
  },
};

export default async function UnsubscribePage({ searchParams }: Props) {
  const { token } = await searchParams;
  const runtime = await getNewsletterRuntime(getPostBySlug);
  const { result, sync } = await unsubscribe(token, runtime.deps);
  return <LinkOutcome result={result} sync={sync} pages={PAGES} runtime={runtime} />;
}
