import * as z from "zod/mini";

/**
 * The subscribe form: one field. One schema for the server action and any
 * browser check, so both give the same messages. Client-safe: no Node imports.
 */

export const EMAIL_MAX = 254;

const EMAIL_REQUIRED = "Please enter your email address";

/** C0/C1 controls, DEL, line/paragraph separators and U+FFFD: none belongs in an address. */
function hasUnreadableCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfffd)
      return true;
  }
  return false;
}

export const SubscriberEmail = z.pipe(
  z.string({ error: EMAIL_REQUIRED }).check(
    z.trim(),
    z.minLength(1, { error: EMAIL_REQUIRED, abort: true }),
    z.maxLength(EMAIL_MAX, { error: `An email address can be at most ${EMAIL_MAX} characters`, abort: true }),
    z.refine((value: string) => !hasUnreadableCharacter(value), {
      error: "Your email address contains an invisible or unreadable character; please retype it",
      abort: true,
    }),
  ),
  z.email({ error: "Please enter a valid email address, like name@company.com" }),
);

/** A post slug; anything else is dropped (the source is a hint, never an error). */
const source = z.catch(
  z.optional(z.string().check(z.trim(), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(200))),
  undefined,
);

export const SubscribeSchema = z.object({ email: SubscriberEmail, source });

export type SubscribeInput = z.output<typeof SubscribeSchema>;

/** The key an address is known by: case-insensitive, as mail providers treat it in practice. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
