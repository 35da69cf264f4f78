import { useActionState, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from "react";

import {
  ENQUIRY_FIELDS,
  EnquirySchema,
  fieldErrorsOf,
  validateField,
  type EnquiryField,
  type FieldErrors,
} from "@/lib/contact/schema";
import { initialEnquiryState, invalidSummary, type EnquiryState } from "@/lib/contact/state";

type Action = (state: EnquiryState, formData: FormData) => Promise<EnquiryState>;

export type ControlProps = {
  defaultValue: string;
  autoFocus: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
};

/**
 * The enquiry form's state: the action's answer, the errors shown now, and where focus goes. The browser
 * checks with the server's schema before sending, so a person without a round trip sees the same messages.
 */
export function useEnquiryForm(action: Action) {
  const [state, formAction, pending] = useActionState(action, initialEnquiryState);

  // Errors shown now: the server's after each answer, the browser's after a blocked submit, cleared as fields are fixed.
  const [errors, setErrors] = useState<FieldErrors>(state.fieldErrors);
  const [summary, setSummary] = useState(state.status === "invalid" ? state.message : "");
  // React resets a form after its action, and restores a <select> to its first default, not the current one.
  // A new key per server answer remounts the fields with the values that answer carried back, so none is lost.
  const [formKey, setFormKey] = useState(0);
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setFormKey((key) => key + 1);
    setErrors(state.fieldErrors);
    setSummary(state.status === "invalid" ? state.message : "");
  }

  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  function focusFirstInvalid(fieldErrors: FieldErrors) {
    const first = ENQUIRY_FIELDS.find((field) => fieldErrors[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  // After each answer from the server, move focus to what needs attention (the success panel focuses itself).
  useEffect(() => {
    if (state.status === "invalid") focusFirstInvalid(state.fieldErrors);
    else if (state.status === "error") statusRef.current?.focus();
  }, [state]);

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

  const firstInvalid = ENQUIRY_FIELDS.find((field) => errors[field]);
  /** What every control takes: the value carried back, focus on the first error, re-checking as it is fixed. */
  const control = (field: EnquiryField): ControlProps => ({
    defaultValue: state.values[field] ?? "",
    autoFocus: firstInvalid === field,
    onChange: (event) => recheck(field, event.currentTarget.value),
  });
  return { state, formAction, pending, formKey, formRef, statusRef, errors, summary, handleSubmit, control };
}
