import type { Metadata } from "next";
import Link from "next/link";

import { getTags } from "@/lib/content/posts";
import { tagPath, tagsPath } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import "./tags.css";

export const metadata: Metadata = pageMetadata({
  title: "Topics",
  description: "Browse the essays by topic.",
  path: tagsPath,
});

export default function TagsPage() {
  const tags = getTags();
  return (
    <div className="container">
      <header className="page-head">
        <h1>Topics</h1>
        <p className="page-head__lede">Every topic I write about, with the number of essays on each.</p>
      </header>
      {tags.length > 0 ? (
        <ul className="tag-index">
          {tags.map((tag) => (
            <li key={tag.slug}>
              <Link href={tagPath(tag.slug)}>
                <span className="tag-index__name">{tag.name}</span>{" "}
                <span className="tag-index__count">
                  {tag.count} {tag.count === 1 ? "post" : "posts"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>No topics yet.</p>
      )}
    </div>
  );
}
