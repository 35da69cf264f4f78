import type { ReactNode } from "react";

/** What a field's control needs so the label, the hint and the error are read with it. */
export type ControlWiring = {
  id: string;
  name: string;
  required?: true;
  "aria-required"?: true;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

type Props = {
  /** The control's name; also its id, and the stem of `<name>-hint` and `<name>-error`. */
  name: string;
  label: ReactNode;
  /** Required unless marked optional, as the form's note says; the label then says so too ("quiet": a legend says it). */
  optional?: boolean | "quiet";
  hint?: ReactNode;
  error?: string;
  /** Renders the control (input, select, textarea) with the wiring spread on it. */
  control: (wiring: ControlWiring) => ReactNode;
  /** Shown after the error, e.g. a live character count. */
  children?: ReactNode;
};

/**
 * One form field: label, optional hint, the control and its error, tied together with `for`,
 * `aria-describedby` and `aria-invalid` so a screen reader announces the hint and the error with
 * the control. The error's "Error: " prefix is for screen readers; sighted people see the styling.
 */
export function Field({ name, label, optional = false, hint, error, control, children }: Props) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={name} className="field__label">
        {label}
        {optional === true ? (
          <>
            {" "}
            <span className="field__optional">(optional)</span>
          </>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {control({
        id: name,
        name,
        ...(optional ? {} : { required: true, "aria-required": true }),
        ...(error ? { "aria-invalid": true } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      })}
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}
