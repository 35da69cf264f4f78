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
import { render } from "@react-email/render";
import type { CSSProperties, ReactElement } from "react";

import { sanitiseSubject } from "@/lib/contact/email";
import { absoluteUrl, site } from "@/lib/site";

import { NEWSLETTER_POLICY } from "./policy";

/**
 * The newsletter's emails, rendered by React Email (HTML and a plain-text
 * part): the confirmation of a sign-up, and the digest of new posts.
 */

const styles = {
  body: {
    backgroundColor: "#f2f0ea",
    fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
    margin: 0,
    padding: "24px 0",
  },
  container: {
    backgroundColor: "#ffffff",
    border: "1px solid #dedad0",
    borderRadius: "10px",
    maxWidth: "600px",
    padding: "28px 32px",
  },
  eyebrow: {
    color: "#a23f14",
    fontSize: "12px",
    fontWeight: 700,
    letterSpacing: "0.08em",
    margin: "0 0 8px",
    textTransform: "uppercase",
  },
  heading: { color: "#1c1d1f", fontSize: "22px", lineHeight: "1.3", margin: "0 0 16px" },
  text: { color: "#1c1d1f", fontSize: "15px", lineHeight: "1.6", margin: "0 0 14px" },
  button: {
    backgroundColor: "#a23f14",
    borderRadius: "6px",
    color: "#ffffff",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  postTitle: { color: "#1c1d1f", fontSize: "18px", lineHeight: "1.35", margin: "0 0 4px" },
  link: { color: "#a23f14" },
  meta: { color: "#54575c", fontSize: "13px", margin: "0 0 6px" },
  hr: { borderColor: "#dedad0", margin: "24px 0 16px" },
  footer: { color: "#54575c", fontSize: "13px", lineHeight: "1.5", margin: "0 0 6px" },
} satisfies Record<string, CSSProperties>;

async function renderBoth(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([
    render(element),
    render(element, {
      plainText: true,
      htmlToTextOptions: {
        selectors: [
          { selector: "h1", options: { uppercase: false } },
          { selector: "h2", options: { uppercase: false } },
        ],
      },
    }),
  ]);
  return { html, text };
}

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
  return { subject: CONFIRMATION_SUBJECT, ...(await renderBoth(<ConfirmationEmail {...props} />)) };
}

/** RFC 2369/8058 headers: mail clients show their own "Unsubscribe" next to the sender. */
export function listUnsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl}>, <mailto:${site.author.email}?subject=unsubscribe>` };
}

export type DigestPost = { title: string; description: string; url: string; publishDate: string };

/** Resend replaces this in a broadcast with the contact's own one-click unsubscribe link. */
export const RESEND_UNSUBSCRIBE_PLACEHOLDER = "{{{RESEND_UNSUBSCRIBE_URL}}}";

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

export function DigestEmail({ posts, since }: { posts: readonly DigestPost[]; since: string }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>
        {posts
          .map((post) => post.title)
          .join(" · ")
          .slice(0, 140)}
      </Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.eyebrow}>{site.name}</Text>
          <Heading as="h1" style={styles.heading}>
            {posts.length === 1 ? "A new essay" : `${posts.length} new essays`} since {formatDay(since)}
          </Heading>
          {posts.map((post) => (
            <Section key={post.url} style={{ margin: "0 0 20px" }}>
              <Heading as="h2" style={styles.postTitle}>
                <Link href={post.url} style={styles.link}>
                  {post.title}
                </Link>
              </Heading>
              <Text style={styles.meta}>{formatDay(post.publishDate)}</Text>
              <Text style={styles.text}>{post.description}</Text>
            </Section>
          ))}
          <Text style={styles.text}>
            Something here feels familiar in your team?{" "}
            <Link href={absoluteUrl("/contact?utm_source=newsletter")} style={styles.link}>
              Let&rsquo;s talk
            </Link>
            .
          </Text>
          <Hr style={styles.hr} />
          <Text style={styles.footer}>
            You receive this because you confirmed your subscription on {site.url.replace(/^https?:\/\//, "")}.{" "}
            <Link href={RESEND_UNSUBSCRIBE_PLACEHOLDER} style={styles.link}>
              Unsubscribe
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export async function renderDigestEmail(posts: readonly DigestPost[], since: string) {
  return renderBoth(<DigestEmail posts={posts} since={since} />);
}
