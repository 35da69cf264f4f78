import { Body, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";

import { renderEmail } from "@/lib/email/render";
import { site } from "@/lib/site";

import { styles } from "./email-style";
import { describeCounted, type HeldReview } from "./held-review";
import { sanitiseSubject } from "./subject";

/**
 * The held digest (digest.ts): what waits, likely-real first, why each was held and what makes it look real, what
 * was counted instead of stored, and the two commands. Reasons and signs are the policy's words; the senders' own
 * text is escaped by React Email.
 */
export function HeldDigestEmail({ review }: { review: HeldReview }) {
  const { entries, held } = review;
  const counted = describeCounted(review.counted);
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${held} enquir${held === 1 ? "y is" : "ies are"} stored but not emailed yet; likely-real first`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.eyebrow}>Held enquiries · {site.name}</Text>
          <Heading as="h1" style={styles.heading}>
            {held === 1 ? "One enquiry is" : `${held} enquiries are`} waiting for you
          </Heading>
          <Text style={styles.value}>
            A limit tripped, so these were stored but not emailed one by one. Everyone who sent one saw the normal
            confirmation. Likely-real first: the only sender from its network, a person&apos;s timing, typed in the
            page, answered the qualifying questions, came from an article; newest first within a rank. Release a real
            one to receive it as usual, or mark it as spam:
          </Text>
          <Text style={styles.message}>
            npm run enquiries -- --release &lt;id&gt;
            <br />
            npm run enquiries -- --mark-spam &lt;id&gt;
          </Text>
          {entries.map((entry, index) => (
            <Section key={entry.id}>
              <Text style={styles.label}>
                {`${index + 1}. ${entry.createdAt.slice(0, 16).replace("T", " ")} UTC${entry.isNew ? " · new" : ""} · ${entry.why}`}
              </Text>
              <Text style={styles.value}>
                {entry.name} &lt;{entry.email}&gt; · {entry.topic}
                {entry.qualifiers ? ` · ${entry.qualifiers}` : ""}
                {entry.sourceSlug ? ` · from ${entry.sourceSlug}` : ""}
                <br />
                Signs: {entry.signs}
                <br />
                {entry.message.slice(0, 200)}
                {entry.message.length > 200 ? "…" : ""}
                <br />
                id {entry.id}
              </Text>
            </Section>
          ))}
          {held > entries.length ? (
            <Text style={styles.footer}>
              {held - entries.length} more held (ranked lower): npm run enquiries -- --held --limit {held} lists them
              all.
            </Text>
          ) : null}
          {counted ? <Text style={styles.footer}>{counted}</Text> : null}
        </Container>
      </Body>
    </Html>
  );
}

export async function renderHeldDigest(review: HeldReview): Promise<{ subject: string; html: string; text: string }> {
  const fresh = review.notDigested;
  const subject = sanitiseSubject(
    `${review.held} held enquir${review.held === 1 ? "y" : "ies"} waiting${fresh > 0 ? ` (${fresh} new)` : ""} — ${site.name}`,
  );
  return { subject, ...(await renderEmail(<HeldDigestEmail review={review} />)) };
}
