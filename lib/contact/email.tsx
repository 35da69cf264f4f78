import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { Fragment, type CSSProperties } from "react";

import { lightColors } from "@/lib/design-tokens";
import { BOOKING_PROVIDER_NAMES, type BookingProvider } from "@/lib/bookings/link";
import type { Mailer, SendResult } from "@/lib/email/mailer";
import { absoluteUrl, site } from "@/lib/site";

import { qualifyingShort, qualifyingSummary, replaceControlCharacters, topicLabel } from "./schema";
import type { EnquiryRecord } from "./store";

/**
 * The emails: the owner's notification of a new enquiry and the optional,
 * fixed acknowledgement to the prospect (the held digest is digest-email.tsx,
 * with these styles). React Email renders them, so every value the prospect
 * typed is escaped text, never markup.
 */

export type SourcePost = { title: string; url: string };
export type FindPost = (slug: string) => SourcePost | undefined;

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

const receivedFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "UTC" });

// Mail clients need inline colours; the email is always light, like the share card.
const colors = lightColors;

export const styles = {
  body: {
    backgroundColor: colors.bgSunken,
    fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
    margin: 0,
    padding: "24px 0",
  },
  container: {
    backgroundColor: colors.bgRaised,
    border: `1px solid ${colors.border}`,
    borderRadius: "10px",
    maxWidth: "600px",
    padding: "28px 32px",
  },
  eyebrow: {
    color: colors.accent,
    fontSize: "12px",
    fontWeight: 700,
    letterSpacing: "0.08em",
    margin: "0 0 8px",
    textTransform: "uppercase",
  },
  heading: { color: colors.text, fontSize: "22px", lineHeight: "1.3", margin: "0 0 20px" },
  label: {
    color: colors.textMuted,
    fontSize: "12px",
    fontWeight: 600,
    letterSpacing: "0.04em",
    margin: "14px 0 2px",
    textTransform: "uppercase",
  },
  value: { color: colors.text, fontSize: "15px", lineHeight: "1.5", margin: 0 },
  message: {
    backgroundColor: colors.bg,
    border: `1px solid ${colors.border}`,
    borderRadius: "8px",
    color: colors.text,
    fontSize: "15px",
    lineHeight: "1.6",
    margin: "6px 0 0",
    padding: "14px 16px",
    whiteSpace: "pre-wrap",
  },
  link: { color: colors.accent },
  hr: { borderColor: colors.border, margin: "24px 0 16px" },
  footer: { color: colors.textMuted, fontSize: "13px", lineHeight: "1.5", margin: "0 0 6px" },
} satisfies Record<string, CSSProperties>;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{children}</Text>
    </>
  );
}

/** Whether the success page offered a call, so the author knows a booking may already be on its way. */
export function bookingLinkLine(provider: string | null | undefined): string {
  if (!provider) return "Not offered (BOOKING_URL is not set): reply to suggest times";
  const name = BOOKING_PROVIDER_NAMES[provider as BookingProvider] ?? provider;
  return `Offered: they could book a 30-minute call on ${name} right away`;
}

export type EnquiryEmailProps = {
  enquiry: Pick<EnquiryRecord, "id" | "createdAt" | "name" | "email" | "company" | "topic" | "message"> &
    Partial<Pick<EnquiryRecord, "teamSize" | "timeline" | "helpKind" | "bookingLink">>;
  source?: SourcePost;
};

export function EnquiryEmail({ enquiry, source }: EnquiryEmailProps) {
  const sourceUrl = source ? absoluteUrl(source.url) : undefined;
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${enquiry.name} · ${topicLabel(enquiry.topic)}: ${enquiry.message.slice(0, 90)}`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.eyebrow}>New enquiry · {site.name}</Text>
          <Heading as="h1" style={styles.heading}>
            {enquiry.name} would like to talk about {topicLabel(enquiry.topic).toLowerCase()}
          </Heading>
          <Section>
            <Field label="Name">{enquiry.name}</Field>
            <Field label="Email">
              <Link href={`mailto:${enquiry.email}`} style={styles.link}>
                {enquiry.email}
              </Link>
            </Field>
            {enquiry.company ? <Field label="Company">{enquiry.company}</Field> : null}
            <Field label="Topic">{topicLabel(enquiry.topic)}</Field>
            <Field label="Team size">{qualifyingShort("teamSize", enquiry.teamSize) ?? "not answered"}</Field>
            <Field label="Timeline">{qualifyingShort("timeline", enquiry.timeline) ?? "not answered"}</Field>
            <Field label="Kind of help">{qualifyingShort("helpKind", enquiry.helpKind) ?? "not answered"}</Field>
            <Field label="Came from">
              {source && sourceUrl ? (
                <>
                  {source.title}
                  <br />
                  <Link href={sourceUrl} style={styles.link}>
                    {sourceUrl}
                  </Link>
                </>
              ) : (
                "The contact page directly (no article)"
              )}
            </Field>
            <Field label="Booking link">{bookingLinkLine(enquiry.bookingLink)}</Field>
            <Field label="Received">{`${receivedFormat.format(new Date(enquiry.createdAt))} UTC`}</Field>
            <Text style={styles.label}>Message</Text>
            <Text style={styles.message}>
              {/* Line breaks as <br>: some mail clients ignore pre-wrap, and the plain-text part keeps them too. */}
              {enquiry.message.split("\n").map((line, index) => (
                <Fragment key={index}>
                  {index > 0 ? <br /> : null}
                  {line}
                </Fragment>
              ))}
            </Text>
          </Section>
          <Hr style={styles.hr} />
          <Text style={styles.footer}>Reply to this email to answer {enquiry.name} directly.</Text>
          <Text style={styles.footer}>Enquiry {enquiry.id}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The acknowledgement is fixed text: it never repeats anything the sender typed, so the form cannot send arbitrary mail to a stranger. */
export function AcknowledgementEmail() {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Thanks for getting in touch — I’ll reply within two working days.`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.eyebrow}>{site.name}</Text>
          <Heading as="h1" style={styles.heading}>
            Thanks for getting in touch
          </Heading>
          <Text style={styles.value}>
            Your message reached me. I read every enquiry myself and will reply within two working days, with a straight
            answer on whether I can help and, if so, a few times for a free 30-minute call.
          </Text>
          <Text style={{ ...styles.value, marginTop: "16px" }}>
            {site.author.name}
            <br />
            {site.author.role}
          </Text>
          <Hr style={styles.hr} />
          <Text style={styles.footer}>
            You received this because someone used the contact form on{" "}
            <Link href={absoluteUrl("/contact")} style={styles.link}>
              {site.url.replace(/^https?:\/\//, "")}
            </Link>{" "}
            with this address. If it wasn&apos;t you, ignore it: no other email will follow.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const ACKNOWLEDGEMENT_SUBJECT = sanitiseSubject(`Thanks for getting in touch — ${site.author.name}`);

export async function renderBoth(element: React.ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([
    render(element),
    render(element, {
      plainText: true,
      htmlToTextOptions: { selectors: [{ selector: "h1", options: { uppercase: false } }] },
    }),
  ]);
  return { html, text };
}

export async function renderEnquiryEmail(
  props: EnquiryEmailProps,
): Promise<{ subject: string; html: string; text: string }> {
  return { subject: enquirySubject(props.enquiry), ...(await renderBoth(<EnquiryEmail {...props} />)) };
}

export type EmailSettings = { from: string; to: string; mailer: Mailer; findPost: FindPost };

/** Sends the owner's notification; the enquiry id is the idempotency key, so retries never send twice. */
export async function sendEnquiryEmail(
  enquiry: EnquiryRecord,
  { from, to, mailer, findPost }: EmailSettings,
): Promise<SendResult> {
  let rendered: { subject: string; html: string; text: string };
  try {
    const source = enquiry.sourceSlug ? findPost(enquiry.sourceSlug) : undefined;
    rendered = await renderEnquiryEmail({ enquiry, source });
  } catch (error) {
    return {
      ok: false,
      error: `Rendering the email failed: ${error instanceof Error ? error.message : String(error)}`,
      rateLimited: false,
    };
  }
  return mailer.send({ idempotencyKey: enquiry.id, from, to, replyTo: enquiry.email, ...rendered });
}

/** Sends the fixed acknowledgement to the prospect; replies go to the owner. */
export async function sendAcknowledgementEmail(
  enquiry: Pick<EnquiryRecord, "id" | "email">,
  { from, to, mailer }: Omit<EmailSettings, "findPost">,
): Promise<SendResult> {
  let rendered: { html: string; text: string };
  try {
    rendered = await renderBoth(<AcknowledgementEmail />);
  } catch (error) {
    return {
      ok: false,
      error: `Rendering the acknowledgement failed: ${error instanceof Error ? error.message : String(error)}`,
      rateLimited: false,
    };
  }
  return mailer.send({
    idempotencyKey: `ack-${enquiry.id}`,
    from,
    to: enquiry.email,
    replyTo: to,
    subject: ACKNOWLEDGEMENT_SUBJECT,
    ...rendered,
  });
}
