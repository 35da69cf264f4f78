"use client";

import type { ChangeEvent } from "react";

import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from "@/lib/contact/fields";
import type { EnquiryField } from "@/lib/contact/schema";
import type { EnquiryState } from "@/lib/contact/state";

import { EnquirySuccess } from "./enquiry-success";
import { Field } from "./field";
import { FormProblem } from "./form-problem";
import { MessageField } from "./message-field";
import { useEnquiryForm } from "./use-enquiry-form";

type Props = {
  action: (state: EnquiryState, formData: FormData) => Promise<EnquiryState>;
  /** Signed render time, issued by the page on the server. */
  formToken: string;
  /** Slug of the published post the visitor came from, if any. */
  source?: string;
  topics: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  /** Offered as a direct alternative when the form cannot store a message. */
  fallbackEmail: string;
  /** How long an enquiry is kept (CONTACT_RETENTION_DAYS), stated in the privacy note. */
  retentionDays: number;
};

function retentionPeriod(days: number): string {
  if (days % 365 === 0) return days === 365 ? "one year" : `${days / 365} years`;
  if (days % 30 === 0) return days === 30 ? "one month" : `${days / 30} months`;
  return days === 1 ? "one day" : `${days} days`;
}

export function EnquiryForm({ action, formToken, source, topics, fallbackEmail, retentionDays }: Props) {
  const { state, formAction, pending, formKey, formRef, statusRef, errors, summary, firstInvalid, handleSubmit, recheck } = useEnquiryForm(action);

  if (state.status === "success") return <EnquirySuccess message={state.message} fallbackEmail={fallbackEmail} />;

  // What every control shares: the value carried back, focus on the first error, re-checking as it is fixed.
  const control = (field: EnquiryField) => ({
    defaultValue: state.values[field] ?? "",
    autoFocus: firstInvalid === field,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => recheck(field, event.currentTarget.value),
  });

  return (
    <form key={formKey} ref={formRef} action={formAction} onSubmit={handleSubmit} noValidate className="enquiry-form" aria-describedby="form-required-note">
      {state.status === "error" ? <FormProblem ref={statusRef} message={state.message} fallbackMailto={state.fallbackMailto} /> : null}
      {summary ? <p className="form-status form-status--invalid">{summary}</p> : null}

      <p id="form-required-note" className="enquiry-form__note">
        All fields are required unless marked optional.
      </p>

      <div className="enquiry-form__row">
        <Field name="name" label="Your name" error={errors.name} control={(wiring) => <input {...wiring} {...control("name")} type="text" autoComplete="name" className="field__input" />} />
        <Field
          name="email"
          label="Email"
          error={errors.email}
          control={(wiring) => <input {...wiring} {...control("email")} type="email" inputMode="email" autoComplete="email" spellCheck={false} className="field__input" />}
        />
      </div>

      <div className="enquiry-form__row">
        <Field
          name="company"
          label="Company"
          optional
          error={errors.company}
          control={(wiring) => <input {...wiring} {...control("company")} type="text" autoComplete="organization" className="field__input" />}
        />
        <Field
          name="topic"
          label="What would you like to talk about?"
          error={errors.topic}
          control={(wiring) => (
            <select {...wiring} {...control("topic")} className="field__input field__select">
              <option value="" disabled>
                Choose a topic
              </option>
              {topics.map((topic) => (
                <option key={topic.value} value={topic.value}>
                  {topic.label}
                </option>
              ))}
            </select>
          )}
        />
      </div>

      <MessageField defaultValue={state.values.message ?? ""} error={errors.message} autoFocus={firstInvalid === "message"} onValueChange={(value) => recheck("message", value)} />

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
