import { qualifyingSummary, replaceControlCharacters, topicLabel } from "./schema";
import type { EnquiryRecord } from "./store-types";

/** The subject lines of the site's emails: one safe line each, and the owner's enquiry subject. */

const SUBJECT_MAX = 150;

/** One line, no control characters (no header injection), and a sane length. */
export function sanitiseSubject(subject: string, max = SUBJECT_MAX): string {
  const oneLine = replaceControlCharacters(subject).replace(/\s+/g, " ").trim();
  const chars = Array.from(oneLine);
  return chars.length <= max
    ? oneLine
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/**
 * "New enquiry: <topic> — <name>"; with qualifying answers they lead, so the inbox list shows who is worth a
 * call first: "Enquiry — 40–100 engineers, this quarter, a review — <topic> — <name>".
 */
export function enquirySubject(
  enquiry: Pick<EnquiryRecord, "topic" | "name"> & Partial<Pick<EnquiryRecord, "teamSize" | "timeline" | "helpKind">>,
): string {
  const qualifiers = qualifyingSummary(enquiry);
  return sanitiseSubject(
    qualifiers
      ? `Enquiry — ${qualifiers} — ${topicLabel(enquiry.topic)} — ${enquiry.name}`
      : `New enquiry: ${topicLabel(enquiry.topic)} — ${enquiry.name}`,
  );
}
