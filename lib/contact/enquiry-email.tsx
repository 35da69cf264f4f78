import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { Fragment } from "react";

import { BOOKING_PROVIDER_NAMES, type BookingProvider } from "@/lib/bookings/link";
import { renderEmail } from "@/lib/email/render";
import { absoluteUrl, site } from "@/lib/site";

import { Field, styles } from "./email-style";
import { qualifyingShort, topicLabel } from "./schema";
import type { EnquiryRecord } from "./store-types";
import { enquirySubject } from "./subject";

/** The owner's notification of a new enquiry; React Email escapes every value the prospect typed. */

/** The article an enquiry came from, as the email names it. */
export type SourcePost = { title: string; url: string };

const receivedFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "UTC" });

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

export async function renderEnquiryEmail(
  props: EnquiryEmailProps,
): Promise<{ subject: string; html: string; text: string }> {
  return { subject: enquirySubject(props.enquiry), ...(await renderEmail(<EnquiryEmail {...props} />)) };
}
