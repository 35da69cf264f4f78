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

/** Asks the server for a fresh form token, given the one the page has (app/contact/actions.ts). */
export type RefreshToken = (previous: string) => Promise<string>;

/**
 * A token older than this (by this tab's clock) is replaced when the tab comes back into view: a form token
 * expires after a day (lib/contact/spam.ts), and a page left open overnight should still send as a person's.
 */
const TOKEN_REFRESH_AFTER_MS = 60 * 60 * 1000;
/** While the tab stays in view, the age is looked at this often (a kiosk that never hides its tab). */
const TOKEN_CHECK_EVERY_MS = 10 * 60 * 1000;

export type ControlProps = {
  defaultValue: string;
  autoFocus: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
};

/**
 * The enquiry form's state: the action's answer, the errors shown now, and where focus goes. The browser
 * checks with the server's schema before sending, so a person without a round trip sees the same messages.
 */
export function useEnquiryForm(
  action: Action,
  { formToken, refreshToken }: { formToken: string; refreshToken?: RefreshToken },
) {
  const [state, formAction, pending] = useActionState(action, initialEnquiryState);
  // The signed render time sent with the form: the one the answer carried back (the page rendered after a plain POST
  // without JavaScript starts with that answer), else the page's; then whatever a later answer or a refresh carries.
  const [token, setToken] = useState(() => state.formToken ?? formToken);

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
    if (state.formToken) setToken(state.formToken);
  }

  // When the tab comes back after hours, swap the token for a fresh one, so the person's message is not sent with
  // an expired one. A failed refresh keeps the old token (an expired one is held for the author, never lost).
  const tokenRef = useRef(token);
  const receivedAt = useRef(0);
  useEffect(() => {
    tokenRef.current = token;
    receivedAt.current = Date.now();
  }, [token]);
  useEffect(() => {
    if (!refreshToken) return;
    let inFlight = false;
    const check = () => {
      if (inFlight || document.visibilityState !== "visible") return;
      if (Date.now() - receivedAt.current < TOKEN_REFRESH_AFTER_MS) return;
      inFlight = true;
      refreshToken(tokenRef.current)
        .then((fresh) => {
          if (typeof fresh === "string" && fresh) setToken(fresh);
        })
        .catch(() => undefined)
        .finally(() => {
          inFlight = false;
        });
    };
    document.addEventListener("visibilitychange", check);
    window.addEventListener("pageshow", check);
    window.addEventListener("focus", check);
    const timer = window.setInterval(check, TOKEN_CHECK_EVERY_MS);
    return () => {
      document.removeEventListener("visibilitychange", check);
      window.removeEventListener("pageshow", check);
      window.removeEventListener("focus", check);
      window.clearInterval(timer);
    };
  }, [refreshToken]);

  // The page's script saw the person type: counted here, sent as one field (lib/contact/fields.ts), a ranking signal
  // for the author's held review only.
  const inputEvents = useRef(0);
  const scriptFieldRef = useRef<HTMLInputElement>(null);
  const countInput = () => {
    inputEvents.current += 1;
  };

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
    if (scriptFieldRef.current) scriptFieldRef.current.value = `js:${Math.min(inputEvents.current, 999_999)}`;
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
  return {
    state,
    formAction,
    pending,
    formKey,
    formRef,
    statusRef,
    errors,
    summary,
    handleSubmit,
    control,
    token,
    scriptFieldRef,
    countInput,
  };
}
