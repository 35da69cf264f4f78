type Props = {
  pending: boolean;
  /** How long an enquiry is kept (CONTACT_RETENTION_DAYS), stated in the privacy note. */
  retentionDays: number;
};

function retentionPeriod(days: number): string {
  if (days % 365 === 0) return days === 365 ? "one year" : `${days / 365} years`;
  if (days % 30 === 0) return days === 30 ? "one month" : `${days / 30} months`;
  return days === 1 ? "one day" : `${days} days`;
}

/**
 * The send button and the privacy promise beside it. While sending, the button stays focusable and
 * announced (aria-disabled, not disabled) and a second click is ignored by the form.
 */
export function SendActions({ pending, retentionDays }: Props) {
  return (
    <div className="enquiry-form__actions">
      <button
        type="submit"
        className="button enquiry-form__submit"
        aria-disabled={pending || undefined}
        data-pending={pending || undefined}
      >
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
        I keep your message only to reply to it, and delete it after {retentionPeriod(retentionDays)}. No newsletter, no
        sharing.
      </p>
    </div>
  );
}
