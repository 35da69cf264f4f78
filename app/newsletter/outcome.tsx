import Link from "next/link";
import type { ReactNode } from "react";

/** The page shown after a confirmation or unsubscribe link: what happened and what to do next. */
export function Outcome({ eyebrow, title, children, outcome }: { eyebrow: string; title: string; children: ReactNode; outcome: string }) {
  return (
    <div className="container newsletter" data-outcome={outcome}>
      <header className="page-head">
        <p className="eyebrow">{eyebrow}</p>
        <h1>{title}</h1>
      </header>
      {children}
      <p className="newsletter-outcome__actions">
        <Link className="button button--quiet" href="/blog">
          Read the essays
        </Link>
        <Link className="button button--quiet" href="/newsletter">
          About the newsletter
        </Link>
      </p>
    </div>
  );
}
