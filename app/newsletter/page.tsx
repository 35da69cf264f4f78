import type { Metadata } from "next";
import { cookies } from "next/headers";

import { NEWSLETTER_PROMISE } from "@/components/newsletter/newsletter-signup";
import { SubscribeForm } from "@/components/newsletter/subscribe-form";
import { getContactRuntime } from "@/lib/contact/runtime";
import { getPostBySlug } from "@/lib/content/posts";
import { ANSWER_COOKIE, decodeAnswer } from "@/lib/forms/answer-cookie";
import { site } from "@/lib/site";

import "./newsletter.css";

export const metadata: Metadata = {
  title: "The newsletter",
  description: `New essays on engineering leadership by ${site.author.name}, by email about twice a month. Confirmed sign-up, one-click unsubscribe.`,
  alternates: { canonical: "/newsletter" },
};

type Props = { searchParams: Promise<{ from?: string | string[]; answer?: string | string[] }> };

export default async function NewsletterPage({ searchParams }: Props) {
  const { from, answer } = await searchParams;
  // Only a published post is carried as the source.
  const post = typeof from === "string" ? getPostBySlug(from) : undefined;
  const source = post && typeof from === "string" ? from : undefined;
  // A sign-up posted without JavaScript (from any form) lands here: its answer shows in this page's form.
  const state = decodeAnswer(
    (await cookies()).get(ANSWER_COOKIE)?.value,
    typeof answer === "string" ? answer : undefined,
  );
  // The enquiry form's signer: the same secret, and a key of this process when the database cannot be read, so the
  // page renders (and a sign-up is answered "try again") instead of failing with the database.
  const formToken = await getContactRuntime(getPostBySlug).issueFormToken();

  return (
    <div className="container newsletter">
      <header className="page-head">
        <p className="eyebrow">Stay in touch</p>
        <h1>The newsletter</h1>
        <p className="page-head__lede">{NEWSLETTER_PROMISE}</p>
      </header>

      <section aria-labelledby="what-you-get">
        <h2 id="what-you-get">What you get, and how often</h2>
        <ul className="newsletter__list">
          <li>
            <strong>Each new essay</strong>, with a short note on why I wrote it: on-call, incidents, code review, 1:1s,
            planning and strategy. About twice a month, never more than once a week.
          </li>
          <li>
            <strong>Nothing else.</strong> No sales sequence, no sharing of your address. It is sent through Resend and
            kept only to send you the essays.
          </li>
          <li>
            <strong>Confirmed sign-up.</strong> You get one email with a link to confirm; nothing more arrives unless
            you click it. Every email has a one-click unsubscribe.
          </li>
        </ul>
      </section>

      <section className="newsletter__form" id="subscribe" aria-labelledby="subscribe-title">
        <h2 id="subscribe-title">Subscribe</h2>
        {post ? (
          <p>
            You were reading: <a href={post.url}>{post.title}</a>
          </p>
        ) : null}
        <SubscribeForm id="newsletter-subscribe" source={source} formToken={formToken} state={state ?? undefined} />
      </section>

      <p>
        Prefer a feed? <a href="/feed.xml">RSS</a>, <a href="/atom.xml">Atom</a> and <a href="/feed.json">JSON Feed</a>{" "}
        carry every essay in full. Want to talk now? <a href="/contact">Let&rsquo;s talk</a>.
      </p>
    </div>
  );
}
