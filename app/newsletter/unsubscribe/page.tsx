import type { Metadata } from "next";
import { after } from "next/server";

import { getNewsletterRuntime } from "@/lib/newsletter/runtime";
import { syncSubscriber, unsubscribe, type UnsubscribeResult } from "@/lib/newsletter/service";
import { site } from "@/lib/site";

import { Outcome } from "../outcome";
import "../newsletter.css";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

const PAGES: Record<UnsubscribeResult, { title: string; body: string }> = {
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
  const runtime = getNewsletterRuntime();
  const { result, sync } = await unsubscribe(token, runtime.deps);
  if (sync) after(() => syncSubscriber(sync, runtime.deps).catch((error) => runtime.deps.log.error(`[newsletter] Sync of ${sync} stopped: ${String(error)}`)));
  const page = PAGES[result];
  return (
    <Outcome eyebrow="The newsletter" title={page.title} outcome={result}>
      <p className="page-head__lede">{page.body}</p>
    </Outcome>
  );
}
