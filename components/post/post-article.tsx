import { PostNewsletter } from "@/components/newsletter/newsletter-signup";
import { ShareBar } from "@/components/share/share-bar";
import { formatDate } from "@/lib/content/dates";
import type { PostPageData } from "@/lib/content/post-page";

import { PostCta } from "./post-cta";
import { PostMeta } from "./post-meta";
import { PostNeighbours } from "./post-neighbours";
import { RelatedPosts } from "./related-posts";
import { SeriesNav, SeriesNext } from "./series-nav";
import { TocAside, TocInline } from "./table-of-contents";
import { TagList } from "./tag-list";

/**
 * A post's page content (pages/blog/[slug].tsx). On a phone the opening comes first: title, dek, date and
 * topics, then one compact row for the series, the contents and sharing (each opens on demand), so the
 * first paragraph is on the first screen; the full share bar, the call to action and the sign-up follow the
 * essay. The body is the HTML compiled at build time. `data-share-*` is what the islands share.
 */
export function PostArticle({ post, html, url, position, related, newer, older }: PostPageData) {
  return (
    <div className="container container--post">
      {/* Search indexes the article only (lib/search/build-index.ts), with its date, sort key and topics. */}
      <article
        className="post"
        id="post"
        aria-labelledby="post-title"
        data-pagefind-body=""
        data-pagefind-meta={`date:${formatDate(post.publishDate)}`}
        data-pagefind-sort={`date:${post.publishDate}`}
        data-share-url={url}
        data-share-title={post.title}
        data-share-text={post.description}
      >
        <header className="post__header">
          <h1 id="post-title">{post.title}</h1>
          <p className="post__dek">{post.description}</p>
          <PostMeta post={post} showUpdated />
          <TagList tags={post.tags} searchFilter />
          <div className="post__tools">
            <ShareBar url={url} title={post.title} description={post.description} variant="compact" />
            <TocInline headings={post.headings} />
            {position ? <SeriesNav position={position} /> : null}
          </div>
        </header>
        <div className="post__layout">
          <TocAside headings={post.headings} />
          <div className="post__body">
            <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
            {position ? <SeriesNext position={position} /> : null}
            <ShareBar url={url} title={post.title} description={post.description} />
            <PostCta post={post} />
            <PostNewsletter slug={post.slug} />
          </div>
        </div>
        <p className="section-link-toast" role="status" aria-live="polite" data-visible="false" />
      </article>
      <RelatedPosts posts={related} />
      <PostNeighbours newer={newer} older={older} />
    </div>
  );
}
