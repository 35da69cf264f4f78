import * as z from "zod/mini";

import { site, type ContactTopic, type QualifyingQuestion } from "@/lib/site";

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

/** The optional qualifying questions (lib/site.ts), in form order. */
export const QUALIFYING_FIELDS = ["teamSize", "timeline", "helpKind"] as const;

export const ENQUIRY_FIELDS = ["name", "email", "company", "topic", ...QUALIFYING_FIELDS, "message"] as const;
export type EnquiryField = (typeof ENQUIRY_FIELDS)[number];

const TOPIC_VALUES = site.contactTopics.map((topic) => topic.value) as [ContactTopic, ...ContactTopic[]];

export function topicLabel(value: string): string {
  return site.contactTopics.find((topic) => topic.value === value)?.label ?? value;
}

type QualifyingValue<Q extends QualifyingQuestion> = (typeof site.qualifying)[Q]["options"][number]["value"];

/** The choice's `short` wording (subject line, report), or the value itself for one no longer offered. */
export function qualifyingShort(question: QualifyingQuestion, value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const options: ReadonlyArray<{ value: string; short: string }> = site.qualifying[question].options;
  return options.find((option) => option.value === value)?.short ?? value;
}

/** The answered qualifying questions in form order, as they read in a subject line: "40–100 engineers, this quarter". */
export function qualifyingSummary(answers: Partial<Record<QualifyingQuestion, string | null>>): string {
  return QUALIFYING_FIELDS.map((question) => qualifyingShort(question, answers[question]))
    .filter(Boolean)
    .join(", ");
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

/**
 * Invisible characters that change how text reads without showing: bidirectional
 * controls (U+202A–202E, U+2066–2069) can reverse part of an email subject, and
 * zero-width characters (U+200B–200F, U+FEFF) hide text or split words a filter
 * looks for. `allowJoiners` lets U+200C/U+200D through, for a message only: they
 * are invisible by design inside Persian and Indic words and emoji sequences,
 * and can neither reorder nor hide text.
 */
export function findInvisibleCharacter(text: string, { allowJoiners = false } = {}): string | undefined {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (allowJoiners && (code === 0x200c || code === 0x200d)) continue;
    if (
      (code >= 0x200b && code <= 0x200f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      code === 0xfeff
    )
      return char;
  }
  return undefined;
}

const INVISIBLE = "contains an invisible formatting character (often from a copy and paste); please retype it";
const hasNoInvisible = (value: string) => findInvisibleCharacter(value) === undefined;

/**
 * U+FFFD is what a decoder puts where bytes were not valid UTF-8: text holding it
 * was damaged on the way (a broken client, or a fuzzer) and is refused, not stored.
 */
export const hasReplacementCharacter = (value: string) => value.includes("\uFFFD");
const UNREADABLE = "contains a character that could not be read (shown as \uFFFD); please retype that part";

const NAME_REQUIRED = "Please tell me your name";
const EMAIL_REQUIRED = "Please enter your email address so I can reply";
const MESSAGE_REQUIRED = "Please write a short message";

// zod/mini: the same zod, with a tree-shakable API, so the browser only downloads the checks used here.
const name = z.pipe(
  z.string({ error: NAME_REQUIRED }).check(
    z.trim(),
    z.minLength(1, { error: NAME_REQUIRED, abort: true }),
    z.maxLength(LIMITS.name.max, `Please keep your name under ${LIMITS.name.max} characters`),
    z.refine(isSingleLine, "Your name can only contain letters, spaces and punctuation, on one line"),
    z.refine((value: string) => !hasReplacementCharacter(value), `Your name ${UNREADABLE}`),
    z.refine(hasNoInvisible, `Your name ${INVISIBLE}`),
  ),
  z.transform((value: string) => value.normalize("NFC")),
);

const email = z.pipe(
  z.string({ error: EMAIL_REQUIRED }).check(
    z.trim(),
    z.minLength(1, { error: EMAIL_REQUIRED, abort: true }),
    z.maxLength(LIMITS.email.max, {
      error: `An email address can be at most ${LIMITS.email.max} characters`,
      abort: true,
    }),
    z.refine(hasNoInvisible, { error: `Your email address ${INVISIBLE}`, abort: true }),
  ),
  z.email({ error: "Please enter a valid email address, like name@company.com" }),
);

const company = z.optional(
  z.pipe(
    z.string().check(
      z.trim(),
      z.maxLength(LIMITS.company.max, `Please keep the company name under ${LIMITS.company.max} characters`),
      z.refine(isSingleLine, "The company name can only contain letters, spaces and punctuation, on one line"),
      z.refine((value: string) => !hasReplacementCharacter(value), `The company name ${UNREADABLE}`),
      z.refine(hasNoInvisible, `The company name ${INVISIBLE}`),
    ),
    z.transform((value: string) => (value === "" ? undefined : value.normalize("NFC"))),
  ),
);

const topic = z.enum(TOPIC_VALUES, { error: "Please choose what you would like to talk about" });

const message = z.pipe(
  z.string({ error: MESSAGE_REQUIRED }).check(
    z.overwrite(normaliseNewlines),
    z.trim(),
    z.minLength(1, { error: MESSAGE_REQUIRED, abort: true }),
    z.minLength(
      LIMITS.message.min,
      `Please write at least ${LIMITS.message.min} characters, so I can prepare a useful reply`,
    ),
    z.maxLength(
      LIMITS.message.max,
      `Please keep your message under ${LIMITS.message.max.toLocaleString("en-GB")} characters (you can send more once we talk)`,
    ),
    z.refine((value: string) => findControlCharacter(value, { allowNewline: true }) === undefined, {
      error:
        "Your message contains an invisible control character (often from a copy and paste); please retype that part",
    }),
    z.refine((value: string) => !hasReplacementCharacter(value), `Your message ${UNREADABLE}`),
    z.refine(
      (value: string) => findInvisibleCharacter(value, { allowJoiners: true }) === undefined,
      `Your message ${INVISIBLE}`,
    ),
  ),
  z.transform((value: string) => value.normalize("NFC")),
);

/**
 * An optional qualifying question: "" (not answered) is undefined; any other value must be one of the choices
 * offered in lib/site.ts (only a crafted request sends another, and it is told so rather than silently dropped).
 */
function qualifying<Q extends QualifyingQuestion>(question: Q) {
  const values = site.qualifying[question].options.map((option) => option.value) as [
    QualifyingValue<Q>,
    ...QualifyingValue<Q>[],
  ];
  return z.pipe(
    z.pipe(
      z.optional(z.string()),
      z.transform((value: string | undefined) => (value === "" ? undefined : value)),
    ),
    z.optional(
      z.enum(values, {
        error: `Please choose one of the listed answers for “${site.qualifying[question].label}”, or leave it empty`,
      }),
    ),
  );
}

/** A post slug; anything else is dropped (never an error: the source is a hint, not something the prospect typed). */
const source = z.catch(
  z.optional(z.string().check(z.trim(), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(200))),
  undefined,
);

/** Trims, normalises, rejects control characters and strips unknown keys (zod's default for objects). */
export const EnquirySchema = z.object({
  name,
  email,
  company,
  topic,
  teamSize: qualifying("teamSize"),
  timeline: qualifying("timeline"),
  helpKind: qualifying("helpKind"),
  message,
  source,
});

export type EnquiryInput = z.input<typeof EnquirySchema>;
export type Enquiry = z.output<typeof EnquirySchema>;

export type FieldErrors = Partial<Record<EnquiryField, string>>;

/** The first message per field, in form order. */
export function fieldErrorsOf(error: {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}): FieldErrors {
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
