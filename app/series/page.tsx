import type { Metadata } from "next";
import Link from "next/link";

import { getSeries } from "@/lib/content/posts";
import { seriesIndexPath } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
// The series pages share the topic index's list styles.
import "@/app/tags/tags.css";

export const metadata: Metadata = pageMetadata({
  title: "Series",
  description: "Essays written to be read in order, part by part.",
  path: seriesIndexPath,
});

export default function SeriesIndexPage() {
  const series = getSeries();
  return (
    <div className="container">
      <header className="page-head">
        <h1>Series</h1>
        <p className="page-head__lede">Essays written to be read in order, part by part.</p>
      </header>
      {series.length > 0 ? (
        <ul className="tag-index">
          {series.map((item) => (
            <li key={item.slug}>
              <Link href={item.url}>
                <span className="tag-index__name">{item.name}</span>{" "}
                <span className="tag-index__count">
                  {item.parts.length} {item.parts.length === 1 ? "part" : "parts"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>No series yet.</p>
      )}
    </div>
  );
}
