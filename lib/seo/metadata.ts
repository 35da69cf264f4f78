import type { Metadata } from "next";

import type { Post } from "@/lib/content/posts";
import { duringBuild, nodeEnv, siteUrlIsSet } from "@/lib/env";
import { feedMimeTypes } from "@/lib/feeds/mime-types";
import { ogImageSize, ogImageType, ogVersion } from "@/lib/og/config";
import { defaultOgImagePath, feedPaths, postOgImagePath, tagFeedPath } from "@/lib/routes";
import { absoluteUrl, site, siteUrl } from "@/lib/site";

/**
 * The one place that turns a page into Next `Metadata`: titles, canonical
 * URL, Open Graph, Twitter and feed autodiscovery. Every route uses it, so no
 * page can forget the canonical or drop the feed links (a child's
 * `alternates` replaces its parent's whole, so each page must carry them).
 * Importable from any server file; it has no Next runtime dependency.
 */

const defaultTitle = `${site.name} — ${site.tagline}`;

/** `@handle` for Twitter/X cards, or undefined when the site has none. */
export const twitterHandle: string | undefined = site.social.x ? `@${site.social.x.replace(/^@/, "")}` : undefined;

type OgImage = { path: string; alt: string };

type FeedLink = { type: keyof typeof feedMimeTypes; path: string; title: string };

/** The site's three feeds, announced in the head of every page. */
const siteFeeds: readonly FeedLink[] = [
  { type: "rss", path: feedPaths.rss, title: `${site.name} (RSS)` },
  { type: "atom", path: feedPaths.atom, title: `${site.name} (Atom)` },
  { type: "json", path: feedPaths.json, title: `${site.name} (JSON Feed)` },
];

export function tagFeed(tag: { name: string; slug: string }): FeedLink {
  return { type: "rss", path: tagFeedPath(tag.slug), title: `${site.name}: posts on ${tag.name} (RSS)` };
}

export const defaultOgImage: OgImage = {
  path: `${defaultOgImagePath}?v=${ogVersion(site.name, site.tagline, site.author.name, site.author.role)}`,
  alt: `${site.name}: ${site.tagline.toLowerCase()} by ${site.author.name}`,
};

type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

function feedAlternates(feeds: readonly FeedLink[]): AlternateTypes {
  const types: Record<string, { url: string; title: string }[]> = {};
  for (const feed of feeds) {
    (types[feedMimeTypes[feed.type]] ??= []).push({ url: feed.path, title: feed.title });
  }
  return types;
}

function ogImages(image: OgImage) {
  return [{ url: image.path, width: ogImageSize.width, height: ogImageSize.height, type: ogImageType, alt: image.alt }];
}

function twitter(title: string, description: string, image: OgImage): NonNullable<Metadata["twitter"]> {
  return {
    card: "summary_large_image",
    title,
    description,
    images: [{ url: image.path, alt: image.alt, width: ogImageSize.width, height: ogImageSize.height }],
    ...(twitterHandle ? { site: twitterHandle, creator: twitterHandle } : {}),
  };
}

const author = { name: site.author.name, url: absoluteUrl(site.author.url) };

let warned = false;

/**
 * A production build without `SITE_URL` still works (tests and local builds
 * rely on the localhost default), but every canonical URL, feed link and
 * share card would point at localhost: say so once, loudly, while building.
 * The server says it at start (lib/deploy/startup.ts), from the build's record.
 */
function warnWithoutSiteUrl(): void {
  if (warned || nodeEnv() !== "production" || !duringBuild() || siteUrlIsSet()) return;
  warned = true;
  console.warn(
    `⚠ SITE_URL is not set: canonical URLs, feeds, the sitemap and share cards point at ${site.url}, and robots.txt disallows all crawling. Set SITE_URL=https://… for a real deployment.`,
  );
}

/** Site-wide defaults for the root layout; pages refine them with `pageMetadata` / `postMetadata`. */
export function rootMetadata(): Metadata {
  warnWithoutSiteUrl();
  return {
    metadataBase: siteUrl,
    title: { default: defaultTitle, template: `%s · ${site.name}` },
    description: site.description,
    applicationName: site.name,
    authors: [author],
    creator: site.author.name,
    openGraph: {
      type: "website",
      siteName: site.name,
      locale: site.locale,
      title: defaultTitle,
      description: site.description,
      images: ogImages(defaultOgImage),
    },
    twitter: twitter(defaultTitle, site.description, defaultOgImage),
    alternates: { types: feedAlternates(siteFeeds) },
  };
}

type PageMetadataInput = {
  /** The page's own title; the layout's template adds the site name. Omit for the home page. */
  title?: string;
  description?: string;
  /** The canonical path, e.g. `/blog` or `/contact`. */
  path: string;
  /** The share card; the site-wide card unless given. */
  image?: OgImage;
  /** Feeds announced beside the site's three (e.g. a tag's RSS). */
  feeds?: readonly FeedLink[];
  /** Keep the page out of search results (it stays crawlable). */
  noIndex?: boolean;
};

/** Metadata for any page that is not a post: home, lists, tags, contact. */
export function pageMetadata({
  title,
  description = site.description,
  path,
  image = defaultOgImage,
  feeds = [],
  noIndex = false,
}: PageMetadataInput): Metadata {
  const shareTitle = title ?? defaultTitle;
  return {
    title: title ?? { absolute: defaultTitle },
    description,
    alternates: { canonical: path, types: feedAlternates([...siteFeeds, ...feeds]) },
    openGraph: {
      type: "website",
      siteName: site.name,
      locale: site.locale,
      url: path,
      title: shareTitle,
      description,
      images: ogImages(image),
    },
    twitter: twitter(shareTitle, description, image),
    ...(noIndex ? { robots: { index: false, follow: true } } : {}),
  };
}

export type PostForMetadata = Pick<
  Post,
  "slug" | "url" | "title" | "description" | "publishDate" | "updatedDate" | "tags" | "readingTime"
>;

/** The share card of a post, versioned by what the card shows. */
export function postOgImage(post: PostForMetadata): OgImage {
  return {
    path: `${postOgImagePath(post.slug)}?v=${ogVersion(post.title, post.description, post.readingTime, ...post.tags.map((tag) => tag.name))}`,
    alt: `${post.title}: ${site.name}, by ${site.author.name}`,
  };
}

/** `article:modified_time` and JSON-LD `dateModified`: the update date, or the publish date when never updated. */
export function modifiedDate(post: Pick<Post, "publishDate" | "updatedDate">): string {
  return post.updatedDate ?? post.publishDate;
}

export function postMetadata(post: PostForMetadata): Metadata {
  const image = postOgImage(post);
  const base = pageMetadata({ title: post.title, description: post.description, path: post.url, image });
  return {
    ...base,
    authors: [author],
    keywords: post.tags.map((tag) => tag.name),
    openGraph: {
      type: "article",
      siteName: site.name,
      locale: site.locale,
      url: post.url,
      title: post.title,
      description: post.description,
      images: ogImages(image),
      publishedTime: post.publishDate,
      modifiedTime: modifiedDate(post),
      authors: [author.url],
      tags: post.tags.map((tag) => tag.name),
    },
  };
}
