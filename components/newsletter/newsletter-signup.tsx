import Link from "next/link";

import type { SubscribeState } from "@/lib/newsletter/state";

import { SubscribeForm } from "./subscribe-form";

type Action = (state: SubscribeState, formData: FormData) => Promise<SubscribeState>;

/** What a subscriber gets, said the same way everywhere. */
export const NEWSLETTER_PROMISE =
  "New essays on engineering leadership, about twice a month. No spam; unsubscribe with one click.";

/** After a post, below "Let's talk": the quieter way to stay in touch. The post is recorded as the source. */
export function PostNewsletter({ action, slug }: { action: Action; slug: string }) {
  return (
    <section className="post-newsletter" aria-labelledby="post-newsletter-title">
      <h2 id="post-newsletter-title" className="post-newsletter__title">
        Not ready to talk? Get the next essay by email
      </h2>
      <p className="post-newsletter__note">
        {NEWSLETTER_PROMISE} <Link href="/newsletter">About the newsletter</Link>
      </p>
      <SubscribeForm
        action={action}
        id="post-subscribe"
        permalink={`/newsletter?from=${encodeURIComponent(slug)}`}
        source={slug}
      />
    </section>
  );
}

/** In the footer of every page. Without JavaScript its answer shows on /newsletter, scrolled to this form. */
export function FooterNewsletter({ action }: { action: Action }) {
  return (
    <section className="site-footer__newsletter" id="footer-subscribe" aria-labelledby="footer-newsletter-title">
      <h2 id="footer-newsletter-title">The newsletter</h2>
      <p>{NEWSLETTER_PROMISE}</p>
      <SubscribeForm
        action={action}
        id="footer-subscribe-form"
        permalink="/newsletter#footer-subscribe"
        label="Email address"
      />
    </section>
  );
}
