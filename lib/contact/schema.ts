import { z } from "zod";

import { site, type ContactTopic } from "@/lib/site";

/**
 * The enquiry, as the form sends it. One schema for the server action and the
 * browser, so both give the same messages. Client-safe: no Node imports.
 */

export const LIMITS = {
  name: { max: 100 },
  email: { max: 254 },
  company: { max: 120 },
  message: { min: 20, max: 5_000 },
} as const;

export const ENQUIRY_FIELDS = ["name", "email", "company", "topic", "message"] as const;
export type EnquiryField = (typeof ENQUIRY_FIELDS)[number];

const TOPIC_VALUES = site.contactTopics.map((topic) => topic.value) as [ContactTopic, ...ContactTopic[]];

export function topicLabel(value: string): string {
  return site.contactTopics.find((topic) => topic.value === value)?.label ?? value;
}

/** C0 and C1 control characters, DEL, and the Unicode line/paragraph separators. */
export function isControlCharacter(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** The first control character in `text`, or undefined. `allowNewline` lets `\n` through. */
export function findControlCharacter(text: string, { allowNewline = false } = {}): string | undefined {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (allowNewline && code === 0x0a) continue;
    if (isControlCharacter(code)) return char;
  }
  return undefined;
}

/** Replaces every control character (newlines included) with `replacement`. */
export function replaceControlCharacters(text: string, replacement = " "): string {
  let result = "";
  for (const char of text) result += isControlCharacter(char.codePointAt(0)!) ? replacement : char;
  return result;
}

/** Browsers submit textarea line breaks as CRLF; count and store them as one `\n`. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** The length the schema checks for the message (what the live counter shows). */
export function messageLength(raw: string): number {
  return normaliseNewlines(raw).trim().length;
}

const isSingleLine = (value: string) => findControlCharacter(value) === undefined;

const name = z
  .string({ error: "Please tell me your name" })
  .trim()
  .min(1, { error: "Please tell me your name", abort: true })
  .max(LIMITS.name.max, `Please keep your name under ${LIMITS.name.max} characters`)
  .refine(isSingleLine, "Your name can only contain letters, spaces and punctuation, on one line")
  .transform((value) => value.normalize("NFC"));

const email = z
  .string({ error: "Please enter your email address so I can reply" })
  .trim()
  .min(1, { error: "Please enter your email address so I can reply", abort: true })
  .max(LIMITS.email.max, { error: `An email address can be at most ${LIMITS.email.max} characters`, abort: true })
  .pipe(z.email({ error: "Please enter a valid email address, like name@company.com" }));

const company = z
  .string()
  .trim()
  .max(LIMITS.company.max, `Please keep the company name under ${LIMITS.company.max} characters`)
  .refine(isSingleLine, "The company name can only contain letters, spaces and punctuation, on one line")
  .transform((value) => (value === "" ? undefined : value.normalize("NFC")))
  .optional();

const topic = z.enum(TOPIC_VALUES, { error: "Please choose what you would like to talk about" });

const message = z
  .string({ error: "Please write a short message" })
  .overwrite(normaliseNewlines)
  .trim()
  .min(1, { error: "Please write a short message", abort: true })
  .min(LIMITS.message.min, `Please write at least ${LIMITS.message.min} characters, so I can prepare a useful reply`)
  .max(LIMITS.message.max, `Please keep your message under ${LIMITS.message.max.toLocaleString("en-GB")} characters (you can send more once we talk)`)
  .refine((value) => findControlCharacter(value, { allowNewline: true }) === undefined, {
    error: "Your message contains an invisible control character (often from a copy and paste); please retype that part",
  })
  .transform((value) => value.normalize("NFC"));

/** A post slug; anything else is dropped (never an error: the source is a hint, not something the prospect typed). */
const source = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(200)
  .optional()
  .catch(undefined);

/** Trims, normalises, rejects control characters and strips unknown keys (zod's default for objects). */
export const EnquirySchema = z.object({ name, email, company, topic, message, source });

export type EnquiryInput = z.input<typeof EnquirySchema>;
export type Enquiry = z.output<typeof EnquirySchema>;

export type FieldErrors = Partial<Record<EnquiryField, string>>;

/** The first message per field, in form order. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && (ENQUIRY_FIELDS as readonly string[]).includes(field)) {
      errors[field as EnquiryField] ??= issue.message;
    }
  }
  return errors;
}

/** Validates one field on its own (used by the form to clear an error as it is fixed). */
export function validateField(field: EnquiryField, value: string): string | undefined {
  const result = EnquirySchema.shape[field].safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}
