import Link from "next/link";

import { blogPath, newsletterPath } from "@/lib/routes";

/** Where a reader goes after a newsletter link (confirm, unsubscribe): the essays, or what the newsletter is. */
export function NewsletterNextSteps() {
  return (
    <p className="newsletter-outcome__actions">
      <Link className="button button--quiet" href={blogPath()}>
        Read the essays
      </Link>
      <Link className="button button--quiet" href={newsletterPath}>
        About the newsletter
      </Link>
    </p>
  );
}
