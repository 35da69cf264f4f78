import type { Metadata } from "next";
import Link from "next/link";

import { PostList } from "@/components/post/post-list";
import { getFeaturedPosts } from "@/lib/content/posts";
import { blogPath, startPath } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { site } from "@/lib/site";

export const metadata: Metadata = pageMetadata({
  title: site.startHere.title,
  description: site.startHere.intro,
  path: startPath,
});

/** The featured essays (`featured: true`), oldest first, with the introduction from lib/site.ts. */
export default function StartPage() {
  const featured = getFeaturedPosts();
  return (
    <div className="container">
      <header className="page-head">
        <h1>{site.startHere.title}</h1>
        <p className="page-head__lede">{site.startHere.intro}</p>
      </header>
      {featured.length > 0 ? (
        <PostList posts={featured} />
      ) : (
        <p>
          Every essay is in <Link href={blogPath()}>the archive</Link>.
        </p>
      )}
    </div>
  );
}
