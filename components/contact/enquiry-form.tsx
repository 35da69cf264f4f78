"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";

import { ENQUIRY_FIELDS, EnquirySchema, fieldErrorsOf, LIMITS, messageLength, validateField, type EnquiryField, type FieldErrors } from "@/lib/contact/schema";
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from "@/lib/contact/fields";
import { initialEnquiryState, type EnquiryState } from "@/lib/contact/state";

type Topic = { readonly value: string; readonly label: string };

type Props = {
  action: (state: EnquiryState, formData: FormData) => Promise<EnquiryState>;
  /** Signed render time, issued by the page on the server. */
  formToken: string;
  /** Slug of the published post the visitor came from, if any. */
  source?: string;
  topics: readonly Topic[];
  /** Offered as a direct alternative when the form cannot store a message. */
  fallbackEmail: string;
  /** How long an enquiry is kept (CONTACT_RETENTION_DAYS), stated in the privacy note. */
  retentionDays: number;
};

const numberFormat = new Intl.NumberFormat("en-GB");
const subscribeNever = () => () => {};

/** True once hydrated: the live counter is only shown when it can actually update. */
function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, () => true, () => false);
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

function countNote(count: number): { text: string; tone: "ok" | "short" | "over" } {
  if (count > LIMITS.message.max) return { text: `${numberFormat.format(count - LIMITS.message.max)} too many`, tone: "over" };
  if (count < LIMITS.message.min) return { text: `${LIMITS.message.min - count} more needed`, tone: "short" };
  return { text: `${numberFormat.format(LIMITS.message.max - count)} left`, tone: "ok" };
}

function announcement(count: number): string {
  if (count > LIMITS.message.max) return `Your message is ${numberFormat.format(count - LIMITS.message.max)} characters too long.`;
  if (count < LIMITS.message.min) return `${LIMITS.message.min - count} more characters needed.`;
  return `${numberFormat.format(LIMITS.message.max - count)} characters left.`;
}

function invalidSummary(errors: FieldErrors): string {
  const count = Object.keys(errors).length;
  return count === 1 ? "Please check the highlighted field." : `Please check the ${count} highlighted fields.`;
}

function retentionPeriod(days: number): string {
  if (days % 365 === 0) return days === 365 ? "one year" : `${days / 365} years`;
  if (days % 30 === 0) return days === 30 ? "one month" : `${days / 30} months`;
  return days === 1 ? "one day" : `${days} days`;
}

export function EnquiryForm({ action, formToken, source, topics, fallbackEmail, retentionDays }: Props) {
  const [state, formAction, pending] = useActionState(action, initialEnquiryState);
  const hydrated = useHydrated();

  // Errors shown now: the server's after each answer, the browser's after a blocked submit, cleared as fields are fixed.
  const [errors, setErrors] = useState<FieldErrors>(state.fieldErrors);
  const [summary, setSummary] = useState(state.status === "invalid" ? state.message : "");
  const [count, setCount] = useState(messageLength(state.values.message ?? ""));
  const [spoken, setSpoken] = useState("");
  // React resets a form after its action, and restores a <select> to its first default, not the current one.
  // A new key per server answer remounts the fields with the values that answer carried back, so none is lost.
  const [formKey, setFormKey] = useState(0);
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setFormKey((key) => key + 1);
    setErrors(state.fieldErrors);
    setSummary(state.status === "invalid" ? state.message : "");
    setCount(messageLength(state.values.message ?? ""));
  }

  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLHeadingElement>(null);
  const announceTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  function focusFirstInvalid(fieldErrors: FieldErrors) {
    const first = ENQUIRY_FIELDS.find((field) => fieldErrors[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  // After each answer from the server, move focus to what needs attention.
  useEffect(() => {
    if (state.status === "invalid") focusFirstInvalid(state.fieldErrors);
    else if (state.status === "error") statusRef.current?.focus();
    else if (state.status === "success") successRef.current?.focus();
  }, [state]);

  useEffect(() => () => clearTimeout(announceTimer.current), []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    if (pending) {
      // One enquiry at a time: a second click while sending does nothing.
      event.preventDefault();
      return;
    }
    const data = new FormData(event.currentTarget);
    const input = Object.fromEntries(ENQUIRY_FIELDS.map((field) => [field, String(data.get(field) ?? "")]));
    const result = EnquirySchema.safeParse(input);
    if (!result.success) {
      event.preventDefault();
      const fieldErrors = fieldErrorsOf(result.error);
      setErrors(fieldErrors);
      setSummary(invalidSummary(fieldErrors));
      focusFirstInvalid(fieldErrors);
    }
  }

  /** Re-checks a field that is showing an error as it is corrected (never before the first attempt). */
  function recheck(field: EnquiryField, value: string) {
    if (!errors[field]) return;
    const message = validateField(field, value);
    setErrors((current) => {
      const next = { ...current };
      if (message) next[field] = message;
      else delete next[field];
      return next;
    });
  }

  function handleMessageInput(value: string) {
    const length = messageLength(value);
    setCount(length);
    recheck("message", value);
    clearTimeout(announceTimer.current);
    announceTimer.current = setTimeout(() => setSpoken(announcement(length)), 1_200);
  }

  if (state.status === "success") {
    return (
      <div className="enquiry-success">
        <h2 ref={successRef} tabIndex={-1} autoFocus className="enquiry-success__title">
          {state.message}
        </h2>
        <p>Your message is safely with me. Here is what happens next:</p>
        <ol className="enquiry-success__steps">
          <li>I read it myself, usually the same day.</li>
          <li>I reply with a straight answer on whether I can help and, if I can, a few times for a free 30-minute call.</li>
          <li>If I am not the right person, I will say so, and point you to someone who is when I can.</li>
        </ol>
        <p>
          Nothing arrived after two working days? Check your spam folder, or write to <a href={`mailto:${fallbackEmail}`}>{fallbackEmail}</a>.
        </p>
        <p>
          <Link href="/blog">Back to the essays</Link>
        </p>
      </div>
    );
  }

  const values = state.values;
  const firstInvalid = ENQUIRY_FIELDS.find((field) => errors[field]);
  const note = countNote(count);
  const problem = state.status === "error";

  return (
    <form key={formKey} ref={formRef} action={formAction} onSubmit={handleSubmit} noValidate className="enquiry-form" aria-describedby="form-required-note">
      {problem ? (
        <div ref={statusRef} className="form-status form-status--problem" role="alert" tabIndex={-1} autoFocus>
          <p>{state.message}</p>
          {state.fallbackMailto ? (
            <p>
              <a className="button button--quiet" href={state.fallbackMailto}>
                Open it in your email app
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      {summary ? <p className="form-status form-status--invalid">{summary}</p> : null}

      <p id="form-required-note" className="enquiry-form__note">
        All fields are required unless marked optional.
      </p>

      <div className="enquiry-form__row">
        <div className="field">
          <label htmlFor="name" className="field__label">
            Your name
          </label>
          <input
            id="name"
            name="name"
            type="text"
            autoComplete="name"
            required
            aria-required="true"
            defaultValue={values.name ?? ""}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy(errors.name && "name-error")}
            autoFocus={firstInvalid === "name"}
            onChange={(event) => recheck("name", event.currentTarget.value)}
            className="field__input"
          />
          {errors.name ? (
            <p id="name-error" className="field__error">
              <span className="visually-hidden">Error: </span>
              {errors.name}
            </p>
          ) : null}
        </div>

        <div className="field">
          <label htmlFor="email" className="field__label">
            Email
          </label>
          <input
            id="email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            spellCheck={false}
            required
            aria-required="true"
            defaultValue={values.email ?? ""}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy(errors.email && "email-error")}
            autoFocus={firstInvalid === "email"}
            onChange={(event) => recheck("email", event.currentTarget.value)}
            className="field__input"
          />
          {errors.email ? (
            <p id="email-error" className="field__error">
              <span className="visually-hidden">Error: </span>
              {errors.email}
            </p>
          ) : null}
        </div>
      </div>

      <div className="enquiry-form__row">
        <div className="field">
          <label htmlFor="company" className="field__label">
            Company <span className="field__optional">(optional)</span>
          </label>
          <input
            id="company"
            name="company"
            type="text"
            autoComplete="organization"
            defaultValue={values.company ?? ""}
            aria-invalid={errors.company ? true : undefined}
            aria-describedby={describedBy(errors.company && "company-error")}
            autoFocus={firstInvalid === "company"}
            onChange={(event) => recheck("company", event.currentTarget.value)}
            className="field__input"
          />
          {errors.company ? (
            <p id="company-error" className="field__error">
              <span className="visually-hidden">Error: </span>
              {errors.company}
            </p>
          ) : null}
        </div>

        <div className="field">
          <label htmlFor="topic" className="field__label">
            What would you like to talk about?
          </label>
          <select
            id="topic"
            name="topic"
            required
            aria-required="true"
            defaultValue={values.topic ?? ""}
            aria-invalid={errors.topic ? true : undefined}
            aria-describedby={describedBy(errors.topic && "topic-error")}
            autoFocus={firstInvalid === "topic"}
            onChange={(event) => recheck("topic", event.currentTarget.value)}
            className="field__input field__select"
          >
            <option value="" disabled>
              Choose a topic
            </option>
            {topics.map((topic) => (
              <option key={topic.value} value={topic.value}>
                {topic.label}
              </option>
            ))}
          </select>
          {errors.topic ? (
            <p id="topic-error" className="field__error">
              <span className="visually-hidden">Error: </span>
              {errors.topic}
            </p>
          ) : null}
        </div>
      </div>

      <div className="field">
        <label htmlFor="message" className="field__label">
          Your message
        </label>
        <p id="message-hint" className="field__hint">
          What is going on in your team, and what would you like to change? Between {LIMITS.message.min} and{" "}
          {numberFormat.format(LIMITS.message.max)} characters.
        </p>
        <textarea
          id="message"
          name="message"
          rows={8}
          required
          aria-required="true"
          defaultValue={values.message ?? ""}
          aria-invalid={errors.message ? true : undefined}
          aria-describedby={describedBy("message-hint", errors.message && "message-error")}
          autoFocus={firstInvalid === "message"}
          onChange={(event) => handleMessageInput(event.currentTarget.value)}
          className="field__input field__textarea"
        />
        {errors.message ? (
          <p id="message-error" className="field__error">
            <span className="visually-hidden">Error: </span>
            {errors.message}
          </p>
        ) : null}
        {hydrated ? (
          <p className={`char-count char-count--${note.tone}`} aria-hidden="true" data-testid="char-count">
            {numberFormat.format(count)} / {numberFormat.format(LIMITS.message.max)} · {note.text}
          </p>
        ) : null}
        <p className="visually-hidden" aria-live="polite">
          {spoken}
        </p>
      </div>

      {/* Spam trap: not displayed, so neither people, screen readers nor autofill reach it; bots that fill every input do.
          A meaningless name and no label, so autofill heuristics have nothing to match. */}
      <div hidden aria-hidden="true">
        <input name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <input type="hidden" name={FORM_TOKEN_FIELD} value={state.formToken ?? formToken} />
      <input type="hidden" name="source" value={source ?? ""} />

      <div className="enquiry-form__actions">
        <button type="submit" className="button enquiry-form__submit" aria-disabled={pending || undefined} data-pending={pending || undefined}>
          {pending ? (
            <>
              <span className="spinner" aria-hidden="true" />
              Sending…
            </>
          ) : (
            "Send message"
          )}
        </button>
        <p className="enquiry-form__privacy">
          I keep your message only to reply to it, and delete it after {retentionPeriod(retentionDays)}. No newsletter, no sharing.
        </p>
      </div>
    </form>
  );
}
