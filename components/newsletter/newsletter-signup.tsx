import { newsletterPath } from "@/lib/routes";

import { SubscribeForm } from "./subscribe-form";

/** What a subscriber gets, said the same way everywhere. */
export const NEWSLETTER_PROMISE =
  "New essays on engineering leadership, about twice a month. No spam; unsubscribe with one click.";

/** After a post, below "Let's talk": the quieter way to stay in touch. The post is recorded as the source. */
export function PostNewsletter({ slug }: { slug: string }) {
  return (
    <section className="post-newsletter" aria-labelledby="post-newsletter-title">
      <h2 id="post-newsletter-title" className="post-newsletter__title">
        Not ready to talk? Get the next essay by email
      </h2>
      <p className="post-newsletter__note">
        {NEWSLETTER_PROMISE} <a href={newsletterPath}>About the newsletter</a>
      </p>
      <SubscribeForm id="post-subscribe" source={slug} />
    </section>
  );
}

/** In the footer of every page. Without JavaScript its answer shows on /newsletter. */
export function FooterNewsletter() {
  return (
    <section className="site-footer__newsletter" id="footer-subscribe" aria-labelledby="footer-newsletter-title">
      <h2 id="footer-newsletter-title">The newsletter</h2>
      <p>{NEWSLETTER_PROMISE}</p>
      <SubscribeForm id="footer-subscribe-form" label="Email address" />
    </section>
  );
}
