import { after } from "next/server";

import { NewsletterNextSteps } from "@/components/newsletter/next-steps";
import type { NewsletterRuntime } from "@/lib/newsletter/runtime";
import { syncSubscriber } from "@/lib/newsletter/service";

export type OutcomeText = { title: string; body: string };

/**
 * The page shown after a confirmation or unsubscribe link: what happened and what to do next. When the link
 * changed the subscriber, Resend's list is brought in line after the page is sent; a failure stays due for
 * `npm run newsletter:retry`.
 */
export function LinkOutcome<R extends string>({
  result,
  sync,
  pages,
  runtime,
}: {
  result: R;
  sync: string | null;
  pages: Record<R, OutcomeText>;
  runtime: NewsletterRuntime;
}) {
  if (sync)
    after(() =>
      syncSubscriber(sync, runtime.deps).catch((error) =>
        runtime.deps.log.error(`[newsletter] Sync of ${sync} stopped: ${String(error)}`),
      ),
    );
  const page = pages[result];
  return (
    <div className="container newsletter" data-outcome={result}>
      <header className="page-head">
        <p className="eyebrow">The newsletter</p>
        <h1>{page.title}</h1>
      </header>
      <p className="page-head__lede">{page.body}</p>
      <NewsletterNextSteps />
    </div>
  );
}
