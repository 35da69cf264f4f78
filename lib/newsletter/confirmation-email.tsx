import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";

import { sanitiseSubject } from "@/lib/contact/subject";
import { renderEmail } from "@/lib/email/render";
import { site } from "@/lib/site";

import { styles } from "./email-style";
import { NEWSLETTER_POLICY } from "./policy";

/** The confirmation email of a sign-up (double opt-in), with its List-Unsubscribe headers. */

export const CONFIRMATION_SUBJECT = sanitiseSubject(`Confirm your subscription to ${site.name}`);

const hours = Math.round(NEWSLETTER_POLICY.confirmationTtlMs / 3_600_000);

export function ConfirmationEmail({ confirmUrl, unsubscribeUrl }: { confirmUrl: string; unsubscribeUrl: string }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`One click to confirm: new essays from ${site.name}, about twice a month.`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.eyebrow}>{site.name}</Text>
          <Heading as="h1" style={styles.heading}>
            Please confirm your subscription
          </Heading>
          <Text style={styles.text}>
            Someone, hopefully you, asked to receive new essays on engineering leadership by {site.author.name} at this
            address. Confirm with the button below; the link works for {hours} hours.
          </Text>
          <Section style={{ margin: "8px 0 20px" }}>
            <Button href={confirmUrl} style={styles.button}>
              Yes, subscribe me
            </Button>
          </Section>
          <Text style={styles.meta}>
            Or open this link:{" "}
            <Link href={confirmUrl} style={styles.link}>
              {confirmUrl}
            </Link>
          </Text>
          <Hr style={styles.hr} />
          <Text style={styles.footer}>
            If it wasn&apos;t you, ignore this email: without a click nothing is sent to you again, and the address is
            deleted within a week.
          </Text>
          <Text style={styles.footer}>
            Changed your mind later?{" "}
            <Link href={unsubscribeUrl} style={styles.link}>
              Unsubscribe
            </Link>{" "}
            at any time.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export async function renderConfirmationEmail(props: { confirmUrl: string; unsubscribeUrl: string }) {
  return { subject: CONFIRMATION_SUBJECT, ...(await renderEmail(<ConfirmationEmail {...props} />)) };
}

/** RFC 2369/8058 headers: mail clients show their own "Unsubscribe" next to the sender. */
export function listUnsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl}>, <mailto:${site.author.email}?subject=unsubscribe>` };
}
