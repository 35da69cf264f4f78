import Link from "next/link";

import { blogPath, contactPath, homePath, tagsPath } from "@/lib/routes";
import { site } from "@/lib/site";

import { SearchTrigger } from "@/components/search/search-trigger";

import { ThemeToggle } from "./theme-toggle";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href={homePath} className="site-header__brand">
          <span className="site-header__name">{site.name}</span>
          <span className="site-header__by">by {site.author.name}</span>
        </Link>
        <nav aria-label="Main" className="site-nav">
          <ul>
            <li>
              <Link href={blogPath()}>Writing</Link>
            </li>
            <li>
              <Link href={tagsPath}>Topics</Link>
            </li>
            <li>
              <Link href={contactPath()} className="site-nav__cta">
                Let&rsquo;s talk
              </Link>
            </li>
          </ul>
        </nav>
        <SearchTrigger />
        <ThemeToggle />
      </div>
    </header>
  );
}
