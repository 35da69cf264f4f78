"use client";

import { useActionState, useState } from "react";

import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from "@/lib/contact/fields";
import { initialSubscribeState, type SubscribeState } from "@/lib/newsletter/state";

type Props = {
  action: (state: SubscribeState, formData: FormData) => Promise<SubscribeState>;
  /** Unique per form on the page (a post has one after the article and one in the footer). */
  id: string;
  /**
   * Where the form posts without JavaScript: /newsletter shows the answer. With JavaScript the
   * answer appears in place. Forms with the same permalink share the answer after a plain post.
   */
  permalink: string;
  /** The published post the reader was on, recorded as the sign-up's source. */
  source?: string;
  /** A signed render time, only from pages rendered per request (a prerendered page sends none). */
  formToken?: string;
  label?: string;
  buttonLabel?: string;
};

/**
 * One email field and a button. Validation is the server's (one schema, lib/newsletter/schema.ts);
 * the browser only checks the field is a plausible email, so this island stays a few hundred bytes.
 */
export function SubscribeForm({
  action,
  id,
  permalink,
  source,
  formToken,
  label = "Your email",
  buttonLabel = "Subscribe",
}: Props) {
  const [state, formAction, pending] = useActionState(action, initialSubscribeState, permalink);
  // React resets a form after its action; a new key per answer remounts the field with the value the answer carried back.
  const [seen, setSeen] = useState(state);
  const [formKey, setFormKey] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setFormKey((key) => key + 1);
  }
  const error = state.fieldErrors.email;
  const problem = state.status === "error";

  return (
    <form
      key={formKey}
      action={formAction}
      className="subscribe-form"
      aria-busy={pending || undefined}
      onSubmit={(event) => pending && event.preventDefault()}
    >
      <div className="subscribe-form__row">
        <label htmlFor={`${id}-email`} className="subscribe-form__label">
          {label}
        </label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          required
          defaultValue={state.values.email ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          autoFocus={Boolean(error)}
          className="subscribe-form__input"
        />
        <button
          type="submit"
          className="button button--quiet subscribe-form__button"
          aria-disabled={pending || undefined}
        >
          {pending ? "Subscribing…" : buttonLabel}
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="subscribe-form__error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <p
        className={`subscribe-form__status${problem ? " subscribe-form__status--problem" : ""}`}
        role={problem ? "alert" : "status"}
      >
        {state.status === "success" || problem ? state.message : ""}
      </p>
      {/* Spam trap, as the enquiry form's: not displayed, so neither people, screen readers nor autofill reach it;
          bots that fill every input do. A meaningless name and no label, so autofill heuristics have nothing to match. */}
      <div hidden aria-hidden="true">
        <input name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {/* The signed render time: empty on a prerendered page (a post, the footer), which cannot sign per visit. */}
      <input type="hidden" name={FORM_TOKEN_FIELD} value={formToken ?? ""} />
      {source ? <input type="hidden" name="source" value={source} /> : null}
    </form>
  );
}
