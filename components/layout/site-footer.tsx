import { FooterNewsletter } from "@/components/newsletter/newsletter-signup";
import { feedMimeTypes } from "@/lib/feeds/mime-types";
import { blogPath, contactPath, feedPaths, newsletterPath, tagsPath } from "@/lib/routes";
import { site } from "@/lib/site";

export function SiteFooter() {
  const year = new Date().getFullYear();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <FooterNewsletter />
        <p>
          <strong>{site.name}</strong> — {site.tagline.toLowerCase()} by {site.author.name}.
        </p>
        <nav aria-label="Footer">
          <ul>
            <li>
              <a href={blogPath()}>All writing</a>
            </li>
            <li>
              <a href={tagsPath}>Topics</a>
            </li>
            <li>
              <a href={contactPath()}>Work with me</a>
            </li>
            <li>
              <a href={newsletterPath}>Newsletter</a>
            </li>
            <li>
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
