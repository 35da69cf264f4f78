import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";

import { renderEmail } from "@/lib/email/render";
import { absoluteUrl, site } from "@/lib/site";

import { styles } from "./email-style";

/** The digest of new posts, sent as a broadcast (digest.ts picks the posts). */

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
  return renderEmail(<DigestEmail posts={posts} since={since} />);
}
