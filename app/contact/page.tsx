import type { Metadata } from "next";
import Link from "next/link";

import { EnquiryForm } from "@/components/contact/enquiry-form";
import { getContactRuntime } from "@/lib/contact/runtime";
import { getPostBySlug } from "@/lib/content/posts";
import { site } from "@/lib/site";

import { refreshEnquiryToken, submitEnquiry } from "./actions";
import "@/components/contact/contact.css";
import "./contact.css";

export const metadata: Metadata = {
  title: "Let’s talk",
  description: `Tell ${site.author.name} what is going on in your engineering team. A first conversation is free, takes 30 minutes, and you get a reply within two working days.`,
  alternates: { canonical: "/contact" },
};

type Props = { searchParams: Promise<{ from?: string | string[] }> };

export default async function ContactPage({ searchParams }: Props) {
  const { from } = await searchParams;
  // Only a published post is named and carried as the source; anything else is ignored, never echoed.
  const post = typeof from === "string" ? getPostBySlug(from) : undefined;
  const source = post && typeof from === "string" ? from : undefined;
  const runtime = getContactRuntime(getPostBySlug);
  const formToken = await runtime.issueFormToken();

  return (
    <div className="container contact">
      <header className="page-head contact__head">
        <p className="eyebrow">Work with me</p>
        <h1>Let&rsquo;s talk</h1>
        <p className="page-head__lede">
          Tell me what feels harder than it should in your team. I read every message myself and reply within two
          working days, with a straight answer on whether I can help.
        </p>
      </header>

      <div className="contact__layout">
        <section className="contact__form" aria-labelledby="contact-form-title">
          <h2 id="contact-form-title" className="visually-hidden">
            Send me a message
          </h2>
          {post ? (
            <p className="contact__source">
              You were reading: <Link href={post.url}>{post.title}</Link>
            </p>
          ) : null}
          <EnquiryForm
            action={submitEnquiry}
            formToken={formToken}
            refreshToken={refreshEnquiryToken}
            source={source}
            topics={site.contactTopics}
            qualifying={site.qualifying}
            fallbackEmail={site.author.email}
            retentionDays={runtime.env.CONTACT_RETENTION_DAYS}
          />
        </section>

        <aside className="contact__aside" aria-label="About a first conversation">
          <section aria-labelledby="first-conversation">
            <h2 id="first-conversation">What a first conversation looks like</h2>
            <ul className="contact__list">
              <li>
                <strong>30 minutes on a video call, free.</strong> No pitch deck and no obligation.
              </li>
              <li>
                <strong>About your team, not my services.</strong> You describe what is happening; I ask the questions a
                colleague would.
              </li>
              <li>
                <strong>You leave with something to try on Monday</strong>, whether or not we work together.
              </li>
            </ul>
          </section>
          <section aria-labelledby="who-for">
            <h2 id="who-for">Who it is for</h2>
            <p>
              CTOs, heads of engineering and engineering managers of teams from five to a few hundred people, who sense
              that on-call, incidents, reviews, planning or 1:1s are quietly costing them more than they should.
            </p>
          </section>
          <p className="contact__direct">
            Prefer email? Write to <a href={`mailto:${site.author.email}`}>{site.author.email}</a>.
          </p>
        </aside>
      </div>
    </div>
  );
}
