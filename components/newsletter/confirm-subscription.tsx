"use client";

import { useActionState, useEffect, useRef } from "react";

import {
  CONFIRM_BUTTON,
  CONFIRM_PAGES,
  CONFIRM_PENDING,
  type ConfirmPageResult,
  type ConfirmState,
} from "@/lib/newsletter/messages";

type Props = {
  action: (state: ConfirmState, formData: FormData) => Promise<ConfirmState>;
  token: string;
  /** What the link would do, as the page found it (`ready` shows the button). */
  initial: ConfirmPageResult;
  /** The page's own address: without JavaScript the button posts here and the page shows the answer. */
  permalink: string;
};

/**
 * The confirmation link's page: a title, a sentence and, while the link is unused, one button. Pressing it (a POST)
 * confirms; a GET, which is all a mail scanner does, changes nothing. The words are lib/newsletter/messages.ts'.
 */
export function ConfirmSubscription({ action, token, initial, permalink }: Props) {
  const [state, formAction, pending] = useActionState(action, { result: initial }, permalink);
  const page = CONFIRM_PAGES[state.result];
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // After the button's answer arrives in place (JavaScript), take focus to the new title so it is read out.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [state]);
  const canPress = state.result === "ready" || state.result === "unavailable";
  return (
    <div data-outcome={state.result}>
      <header className="page-head">
        <p className="eyebrow">The newsletter</p>
        <h1 ref={heading} tabIndex={-1}>
          {page.title}
        </h1>
      </header>
      <p className="page-head__lede">{page.body}</p>
      {canPress ? (
        <form
          action={formAction}
          className="newsletter-confirm"
          onSubmit={(event) => pending && event.preventDefault()}
        >
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button" aria-disabled={pending || undefined}>
            {pending ? CONFIRM_PENDING : CONFIRM_BUTTON}
          </button>
        </form>
      ) : null}
    </div>
  );
}
