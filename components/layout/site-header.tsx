import { SearchTrigger } from "@/components/search/search-trigger";
import { blogPath, contactPath, homePath, tagsPath } from "@/lib/routes";
import { site } from "@/lib/site";

import { ThemeToggle } from "./theme-toggle";

/** The header of every page, App Router and Pages Router alike (components/layout/site-shell.tsx). */
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href={homePath} className="site-header__brand">
          <span className="site-header__name">{site.name}</span>
          <span className="site-header__by">by {site.author.name}</span>
        </a>
        <nav aria-label="Main" className="site-nav">
          <ul>
            <li>
              <a href={blogPath()}>Writing</a>
            </li>
            <li>
              <a href={tagsPath}>Topics</a>
            </li>
            <li>
              <a href={contactPath()} className="site-nav__cta">
                Let&rsquo;s talk
              </a>
            </li>
          </ul>
        </nav>
        <div className="site-header__tools">
          <SearchTrigger />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
