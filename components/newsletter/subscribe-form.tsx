import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from "@/lib/contact/fields";
import { initialSubscribeState, type SubscribeState } from "@/lib/newsletter/state";
import { newsletterPath, newsletterSubscribePath } from "@/lib/routes";

type Props = {
  /** Unique per form on the page (a post has one after the article and one in the footer). */
  id: string;
  /** The published post the reader was on, recorded as the sign-up's source. */
  source?: string;
  /** A signed render time, only from pages rendered per request (a prerendered page sends none). */
  formToken?: string;
  /** The answer to a sign-up posted without JavaScript (/newsletter shows it after the redirect). */
  state?: SubscribeState;
  label?: string;
  buttonLabel?: string;
};

/**
 * One email field and a button, posting to the sign-up route (lib/routes.ts) with or without JavaScript.
 * Validation is the server's (one schema, lib/newsletter/schema.ts). With JavaScript the island
 * (subscribe.island.ts) sends it in place and shows the answer; after a sign-up a panel replaces the form, so
 * nobody is invited to sign up twice. Server markup only: the panel and the error are here, hidden until needed.
 */
export function SubscribeForm({
  id,
  source,
  formToken,
  state = initialSubscribeState,
  label = "Your email",
  buttonLabel = "Subscribe",
}: Props) {
  const error = state.fieldErrors.email;
  const problem = state.status === "error";
  const done = state.status === "success";
  return (
    <div className="subscribe">
      <form
        method="post"
        action={newsletterSubscribePath}
        className="subscribe-form"
        data-subscribe=""
        hidden={done}
        suppressHydrationWarning
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
            suppressHydrationWarning
          />
          <button type="submit" className="button button--quiet subscribe-form__button" suppressHydrationWarning>
            {buttonLabel}
          </button>
        </div>
        <p id={`${id}-error`} className="subscribe-form__error" hidden={!error} suppressHydrationWarning>
          {error ? (
            <>
              <span className="visually-hidden">Error: </span>
              {error}
            </>
          ) : null}
        </p>
        <p
          className={`subscribe-form__status${problem ? " subscribe-form__status--problem" : ""}`}
          role={problem ? "alert" : "status"}
          suppressHydrationWarning
        >
          {problem ? state.message : ""}
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
      <div className="subscribe-done" data-subscribe-done="" tabIndex={-1} hidden={!done} suppressHydrationWarning>
        <svg className="subscribe-done__icon" aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
          <path d="M3 6.5h18v11H3zM3.5 7l8.5 6.5L20.5 7" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        <p className="subscribe-done__message" role="status" suppressHydrationWarning>
          {done ? state.message : ""}
        </p>
        <a className="subscribe-done__again" href={`${newsletterPath}#subscribe`} data-subscribe-again="">
          Use another address
        </a>
      </div>
    </div>
  );
}
