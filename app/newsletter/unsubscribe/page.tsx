import type { Metadata } from "next";

import { getPostBySlug } from "@/lib/content/posts";
import { getNewsletterRuntime } from "@/lib/newsletter/runtime";
import { UNSUBSCRIBE_PAGES } from "@/lib/newsletter/messages";
import { unsubscribe, type UnsubscribeResult } from "@/lib/newsletter/service";

import { LinkOutcome, type OutcomeText } from "../outcome";
import "../newsletter.css";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

const PAGES: Record<UnsubscribeResult, OutcomeText> = UNSUBSCRIBE_PAGES;

export default async function UnsubscribePage({ searchParams }: Props) {
  const { token } = await searchParams;
  const runtime = await getNewsletterRuntime(getPostBySlug);
  const { result, sync } = await unsubscribe(token, runtime.deps);
  return <LinkOutcome result={result} sync={sync} pages={PAGES} runtime={runtime} />;
}
