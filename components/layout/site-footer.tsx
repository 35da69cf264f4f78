import Link from "next/link";

import { subscribeToNewsletter } from "@/app/newsletter/actions";
import { FooterNewsletter } from "@/components/newsletter/newsletter-signup";
import { feedMimeTypes } from "@/lib/feeds/mime-types";
import { blogPath, contactPath, feedPaths, tagsPath } from "@/lib/routes";
import { site } from "@/lib/site";

export function SiteFooter() {
  const year = new Date().getFullYear();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <FooterNewsletter action={subscribeToNewsletter} />
        <p>
          <strong>{site.name}</strong> — {site.tagline.toLowerCase()} by {site.author.name}.
        </p>
        <nav aria-label="Footer">
          <ul>
            <li>
              <Link href={blogPath()}>All writing</Link>
            </li>
            <li>
              <Link href={tagsPath}>Topics</Link>
            </li>
            <li>
              <Link href={contactPath()}>Work with me</Link>
            </li>
            <li>
              <Link href="/newsletter">Newsletter</Link>
            </li>
            <li>
              {/* A plain link: the feed is a file, not a page for the client router. */}
              <a href={feedPaths.rss} type={feedMimeTypes.rss}>
                Subscribe (RSS)
              </a>
            </li>
            <li>
              <a href={site.social.linkedin} rel="noopener noreferrer">
                LinkedIn
              </a>
            </li>
          </ul>
        </nav>
        <p className="site-footer__small">
          © {year} {site.author.name}
        </p>
      </div>
    </footer>
  );
}
