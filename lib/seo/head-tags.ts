import type { Metadata } from "next";

import { rootMetadata } from "./metadata";

/**
 * The head of a page that the App Router does not render (the posts, served by the Pages Router without the
 * framework's runtime): the same Metadata objects (lib/seo/metadata.ts) turned into the tags the App Router
 * writes for them, for the fields this site uses. Page metadata refines the root's as a child route does:
 * each top-level field replaces the root's, the title goes through the root's template, relative URLs are
 * resolved against `metadataBase`. Plain data, so a page can compute it at build time and pass it as a prop.
 */

export type HeadTag =
  | { tag: "title"; text: string }
  | { tag: "meta"; attrs: Record<string, string> }
  | { tag: "link"; attrs: Record<string, string> };

type Url = string | URL;
type Image = { url: Url; width?: number | string; height?: number | string; type?: string; alt?: string };

const list = <T>(value: T | readonly T[] | undefined | null): T[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? [...(value as T[])] : [value as T];

function titleOf(page: Metadata, root: Metadata): string {
  const template =
    typeof root.title === "object" && root.title && "template" in root.title ? root.title.template : undefined;
  const fallback =
    typeof root.title === "object" && root.title && "default" in root.title ? root.title.default : undefined;
  const title = page.title ?? fallback;
  if (typeof title === "string") return page.title !== undefined && template ? template.replace("%s", title) : title;
  if (title && typeof title === "object" && "absolute" in title && title.absolute) return title.absolute;
  return fallback ?? "";
}

/** The tags of `page`'s metadata under the site's root metadata, in the App Router's order. */
export function headTags(page: Metadata, root: Metadata = rootMetadata()): HeadTag[] {
  const merged: Metadata = { ...root, ...page };
  const base = merged.metadataBase ?? undefined;
  const abs = (url: Url) => (base ? new URL(url, base).toString() : url.toString());
  const tags: HeadTag[] = [{ tag: "title", text: titleOf(page, root) }];
  const meta = (attrs: Record<string, string | number | undefined>) => {
    const kept = Object.entries(attrs).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
    if (kept.some(([name]) => name === "content"))
      tags.push({ tag: "meta", attrs: Object.fromEntries(kept.map(([k, v]) => [k, String(v)])) });
  };
  const link = (attrs: Record<string, string | undefined>) =>
    tags.push({
      tag: "link",
      attrs: Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined)),
    });

  if (typeof merged.description === "string") meta({ name: "description", content: merged.description });
  if (merged.applicationName) meta({ name: "application-name", content: merged.applicationName });
  for (const author of list(merged.authors)) {
    if (author.url) link({ rel: "author", href: abs(author.url) });
    if (author.name) meta({ name: "author", content: author.name });
  }
  const keywords = list(merged.keywords);
  if (keywords.length) meta({ name: "keywords", content: keywords.join(",") });
  if (merged.creator) meta({ name: "creator", content: merged.creator });
  const robots = merged.robots;
  if (robots && typeof robots === "object") {
    meta({
      name: "robots",
      content: [robots.index === false ? "noindex" : "index", robots.follow === false ? "nofollow" : "follow"].join(
        ", ",
      ),
    });
  }
  const alternates = merged.alternates;
  if (alternates?.canonical) link({ rel: "canonical", href: abs(alternates.canonical as Url) });
  for (const [type, entries] of Object.entries(alternates?.types ?? {})) {
    for (const entry of list(entries as Url | { url: Url; title?: string } | { url: Url; title?: string }[])) {
      const { url, title } =
        typeof entry === "object" && "url" in entry ? entry : { url: entry as Url, title: undefined };
      link({ rel: "alternate", type, title, href: abs(url) });
    }
  }

  const og = merged.openGraph as (Record<string, unknown> & { images?: Image | Image[] }) | undefined;
  if (og) {
    meta({ property: "og:title", content: og.title as string | undefined });
    meta({ property: "og:description", content: og.description as string | undefined });
    if (og.url) meta({ property: "og:url", content: abs(og.url as Url) });
    meta({ property: "og:site_name", content: og.siteName as string | undefined });
    meta({ property: "og:locale", content: og.locale as string | undefined });
    for (const image of list(og.images)) {
      meta({ property: "og:image", content: abs(image.url) });
      meta({ property: "og:image:width", content: image.width });
      meta({ property: "og:image:height", content: image.height });
      meta({ property: "og:image:type", content: image.type });
      meta({ property: "og:image:alt", content: image.alt });
    }
    meta({ property: "og:type", content: og.type as string | undefined });
    meta({ property: "article:published_time", content: og.publishedTime as string | undefined });
    meta({ property: "article:modified_time", content: og.modifiedTime as string | undefined });
    for (const author of list(og.authors as Url | Url[] | undefined))
      meta({ property: "article:author", content: abs(author) });
    for (const tag of list(og.tags as string | string[] | undefined)) meta({ property: "article:tag", content: tag });
  }

  const twitter = merged.twitter as (Record<string, unknown> & { images?: Image | Image[] }) | undefined;
  if (twitter) {
    meta({ name: "twitter:card", content: twitter.card as string | undefined });
    meta({ name: "twitter:site", content: twitter.site as string | undefined });
    meta({ name: "twitter:creator", content: twitter.creator as string | undefined });
    meta({ name: "twitter:title", content: twitter.title as string | undefined });
    meta({ name: "twitter:description", content: twitter.description as string | undefined });
    for (const image of list(twitter.images)) {
      meta({ name: "twitter:image", content: abs(image.url) });
      meta({ name: "twitter:image:width", content: image.width });
      meta({ name: "twitter:image:height", content: image.height });
      meta({ name: "twitter:image:alt", content: image.alt });
    }
  }
  return tags;
}
