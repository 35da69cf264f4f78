"use client";

import { FORM_SCRIPT_FIELD, FORM_TOKEN_FIELD, HONEYPOT_FIELD } from "@/lib/contact/fields";
import type { EnquiryState } from "@/lib/contact/state";
import type { site } from "@/lib/site";

import { EnquirySuccess } from "./enquiry-success";
import { Field } from "./field";
import { FormProblem } from "./form-problem";
import { MessageField } from "./message-field";
import { QualifyingFields } from "./qualifying-fields";
import { SendActions } from "./send-actions";
import { useEnquiryForm, type RefreshToken } from "./use-enquiry-form";

type Props = {
  action: (state: EnquiryState, formData: FormData) => Promise<EnquiryState>;
  /** Signed render time, issued by the page on the server. */
  formToken: string;
  /** Swaps the token for a fresh one when the tab comes back after hours (a server action). */
  refreshToken?: RefreshToken;
  /** Slug of the published post the visitor came from, if any. */
  source?: string;
  topics: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  /** The optional qualifying questions (lib/site.ts). */
  qualifying: typeof site.qualifying;
  /** Offered as a direct alternative when the form cannot store a message. */
  fallbackEmail: string;
  /** How long an enquiry is kept (CONTACT_RETENTION_DAYS). */
  retentionDays: number;
};

export function EnquiryForm({
  action,
  formToken,
  refreshToken,
  source,
  topics,
  qualifying,
  fallbackEmail,
  retentionDays,
}: Props) {
  const {
    state,
    errors,
    summary,
    pending,
    formKey,
    formRef,
    statusRef,
    formAction,
    handleSubmit,
    control,
    token,
    scriptFieldRef,
    countInput,
  } = useEnquiryForm(action, { formToken, refreshToken });

  if (state.status === "success")
    return <EnquirySuccess message={state.message} fallbackEmail={fallbackEmail} bookingUrl={state.bookingUrl} />;

  return (
    <form
      key={formKey}
      ref={formRef}
      action={formAction}
      onSubmit={handleSubmit}
      onInput={countInput}
      noValidate
      className="enquiry-form"
      aria-describedby="form-required-note"
    >
      {state.status === "error" ? (
        <FormProblem ref={statusRef} message={state.message} fallbackMailto={state.fallbackMailto} />
      ) : null}
      {summary ? <p className="form-status form-status--invalid">{summary}</p> : null}

      <p id="form-required-note" className="enquiry-form__note">
        Every field is required unless marked optional.
      </p>

      <div className="enquiry-form__row">
        <Field
          name="name"
          label="Your name"
          error={errors.name}
          control={(wiring) => (
            <input {...wiring} {...control("name")} type="text" autoComplete="name" className="field__input" />
          )}
        />
        <Field
          name="email"
          label="Email"
          error={errors.email}
          control={(wiring) => (
            <input
              {...wiring}
              {...control("email")}
              type="email"
              inputMode="email"
              autoComplete="email"
              spellCheck={false}
              className="field__input"
            />
          )}
        />
      </div>

      <div className="enquiry-form__row">
        <Field
          name="company"
          label="Company"
          optional
          error={errors.company}
          control={(wiring) => (
            <input
              {...wiring}
              {...control("company")}
              type="text"
              autoComplete="organization"
              className="field__input"
            />
          )}
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

      <QualifyingFields questions={qualifying} errors={errors} control={control} />

      <MessageField {...control("message")} error={errors.message} />

      {/* Spam trap: not displayed, so neither people, screen readers nor autofill reach it; bots that fill every input do.
          A meaningless name and no label, so autofill heuristics have nothing to match. */}
      <div hidden aria-hidden="true">
        <input name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <input type="hidden" name={FORM_TOKEN_FIELD} value={token} />
      {/* Filled on submit by the page's script (`js:<input events>`); empty when the form is posted without it. */}
      <input type="hidden" name={FORM_SCRIPT_FIELD} defaultValue="" ref={scriptFieldRef} />
      <input type="hidden" name="source" value={source ?? ""} />

      <SendActions pending={pending} retentionDays={retentionDays} />
    </form>
  );
}
