import type { Post } from "@/lib/content/posts";
import { blogPath, homePath } from "@/lib/routes";
import { absoluteUrl, site } from "@/lib/site";

import { modifiedDate, postOgImage, type PostForMetadata } from "./metadata";

/**
 * schema.org structured data as plain objects, and the one safe way to put
 * them in a `<script type="application/ld+json">`.
 */

export type JsonLd = { "@context": "https://schema.org" } & Record<string, unknown>;

const personId = `${absoluteUrl(homePath)}#person`;
const websiteId = `${absoluteUrl(homePath)}#website`;

function person(): Record<string, unknown> {
  const sameAs = [
    site.social.linkedin,
    site.social.github,
    site.social.x ? `https://x.com/${site.social.x}` : undefined,
    site.social.bluesky ? `https://bsky.app/profile/${site.social.bluesky}` : undefined,
  ].filter((url): url is string => Boolean(url));
  return {
    "@type": "Person",
    "@id": personId,
    name: site.author.name,
    url: absoluteUrl(site.author.url),
    jobTitle: site.author.role,
    description: site.author.bio,
    sameAs,
  };
}

/** Home page: the site and the person behind it. */
export function homeJsonLd(): JsonLd {
  return {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "WebSite",
        "@id": websiteId,
        name: site.name,
        alternateName: `${site.name} — ${site.tagline}`,
        url: absoluteUrl(homePath),
        description: site.description,
        inLanguage: site.language,
        author: { "@id": personId },
        publisher: { "@id": personId },
      },
      person(),
    ],
  };
}

type PostForJsonLd = PostForMetadata & Pick<Post, "words">;

/** A post: the article itself and where it sits (Home › Writing › post). */
function seriesJsonLd(series: { name: string; url: string }) {
  const url = absoluteUrl(series.url);
  return { "@type": "CreativeWorkSeries", "@id": `${url}#series`, name: series.name, url };
}

export function postJsonLd(post: PostForJsonLd, series?: { name: string; url: string }): JsonLd {
  const url = absoluteUrl(post.url);
  const blog = {
    "@type": "Blog",
    "@id": `${absoluteUrl(blogPath())}#blog`,
    name: site.name,
    url: absoluteUrl(blogPath()),
  };
  return {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "BlogPosting",
        "@id": `${url}#article`,
        headline: post.title,
        description: post.description,
        datePublished: post.publishDate,
        dateModified: modifiedDate(post),
        author: { "@type": "Person", "@id": personId, name: site.author.name, url: absoluteUrl(site.author.url) },
        publisher: { "@type": "Person", "@id": personId, name: site.author.name, url: absoluteUrl(site.author.url) },
        image: absoluteUrl(postOgImage(post).path),
        url,
        mainEntityOfPage: { "@type": "WebPage", "@id": url },
        // The blog, and the series when the post is a part of one.
        isPartOf: series ? [blog, seriesJsonLd(series)] : blog,
        keywords: post.tags.map((tag) => tag.name),
        wordCount: post.words,
        inLanguage: site.language,
      },
      {
        "@type": "BreadcrumbList",
        itemListElement: [
          { "@type": "ListItem", position: 1, name: "Home", item: absoluteUrl(homePath) },
          { "@type": "ListItem", position: 2, name: "Writing", item: absoluteUrl(blogPath()) },
          { "@type": "ListItem", position: 3, name: post.title, item: url },
        ],
      },
    ],
  };
}

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * JSON for an inline `<script>`: `<`, `>` and `&` become `\u003c` etc. so no
 * string (a title holding `</script>` or `<!--`) can end or confuse the
 * element, and U+2028/U+2029 are escaped for old JavaScript parsers. The
 * result is still JSON that parses back to the same value.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => UNSAFE_IN_SCRIPT[char]!);
}
