import type { Metadata } from "next";
import Link from "next/link";

import { SearchOpener } from "@/components/search/search-opener";
import { blogPath, feedPaths, searchPath, tagsPath } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";

export const metadata: Metadata = pageMetadata({
  title: "Search",
  description: "Search the essays by any word in them, or browse them by topic.",
  path: searchPath,
});

/** Where the header's search link leads without JavaScript; with it, the page opens the same search dialog. */
export default function SearchPage() {
  return (
    <div className="container">
      <header className="page-head">
        <h1>Search</h1>
        <p className="page-head__lede">
          Search runs in your browser and needs JavaScript. Without it, every essay is still a click away: browse them
          by topic or in order, or follow them in a feed reader.
        </p>
        <SearchOpener />
      </header>
      <ul className="search-page__ways">
        <li>
          <Link href={tagsPath}>Browse by topic</Link>
        </li>
        <li>
          <Link href={blogPath()}>All essays, newest first</Link>
        </li>
        <li>
          Feeds: <a href={feedPaths.rss}>RSS</a>, <a href={feedPaths.atom}>Atom</a>,{" "}
          <a href={feedPaths.json}>JSON Feed</a>
        </li>
      </ul>
    </div>
  );
}
