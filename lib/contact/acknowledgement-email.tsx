import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Text } from "@react-email/components";

import { renderEmail } from "@/lib/email/render";
import { absoluteUrl, site } from "@/lib/site";

import { styles } from "./email-style";
import { sanitiseSubject } from "./subject";

/** The optional, fixed acknowledgement to the prospect. */

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

export function renderAcknowledgementEmail(): Promise<{ html: string; text: string }> {
  return renderEmail(<AcknowledgementEmail />);
}
