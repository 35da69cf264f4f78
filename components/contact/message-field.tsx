import { useEffect, useRef, useState, useSyncExternalStore, type ChangeEvent } from "react";

import { LIMITS, messageLength } from "@/lib/contact/schema";

import { Field } from "./field";
import type { ControlProps } from "./use-enquiry-form";

const numberFormat = new Intl.NumberFormat("en-GB");
const subscribeNever = () => () => {};

/** True once hydrated: the live counter is only shown when it can actually update. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

function countNote(count: number): { text: string; tone: "ok" | "short" | "over" } {
  if (count > LIMITS.message.max)
    return { text: `${numberFormat.format(count - LIMITS.message.max)} too many`, tone: "over" };
  if (count < LIMITS.message.min) return { text: `${LIMITS.message.min - count} more needed`, tone: "short" };
  return { text: `${numberFormat.format(LIMITS.message.max - count)} left`, tone: "ok" };
}

function announcement(count: number): string {
  if (count > LIMITS.message.max)
    return `Your message is ${numberFormat.format(count - LIMITS.message.max)} characters too long.`;
  if (count < LIMITS.message.min) return `${LIMITS.message.min - count} more characters needed.`;
  return `${numberFormat.format(LIMITS.message.max - count)} characters left.`;
}

type Props = ControlProps & { error?: string };

/**
 * The message, with a visible character count (the length the schema checks) and a spoken one that
 * waits for a pause in typing, so a screen reader is not interrupted on every key. The form remounts
 * this field after each server answer, which restarts the count from the value carried back.
 */
export function MessageField({ defaultValue, autoFocus, onChange, error }: Props) {
  const hydrated = useHydrated();
  const [count, setCount] = useState(() => messageLength(defaultValue));
  const [spoken, setSpoken] = useState("");
  const announceTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(announceTimer.current), []);

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    const length = messageLength(event.currentTarget.value);
    setCount(length);
    onChange(event);
    clearTimeout(announceTimer.current);
    announceTimer.current = setTimeout(() => setSpoken(announcement(length)), 1_200);
  }

  const note = countNote(count);
  return (
    <Field
      name="message"
      label="Your message"
      hint={
        <>
          What is going on, and what would you like to change? {LIMITS.message.min} to{" "}
          {numberFormat.format(LIMITS.message.max)} characters.
        </>
      }
      error={error}
      control={(wiring) => (
        <textarea
          {...wiring}
          rows={8}
          defaultValue={defaultValue}
          autoFocus={autoFocus}
          onChange={handleChange}
          className="field__input field__textarea"
        />
      )}
    >
      {hydrated ? (
        <p className={`char-count char-count--${note.tone}`} aria-hidden="true" data-testid="char-count">
          {numberFormat.format(count)} / {numberFormat.format(LIMITS.message.max)} · {note.text}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </Field>
  );
}
