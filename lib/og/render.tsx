import { ImageResponse } from "next/og";

import type { Post } from "@/lib/content/posts";
import { site } from "@/lib/site";

import { OgCard, type CardInput } from "./card";
import { ogImageSize } from "./config";
import { loadOgFonts } from "./fonts";

/**
 * PNG share cards. Used by the `opengraph-image` routes, which Next
 * prerenders at build time: fonts come from node_modules and emoji are
 * stripped from the text, so rendering never touches the network.
 */

const siteCard = { siteName: site.name, tagline: site.tagline, author: site.author.name, authorRole: site.author.role };

export async function renderCard(card: CardInput): Promise<ImageResponse> {
  return new ImageResponse(<OgCard {...card} />, { ...ogImageSize, fonts: await loadOgFonts() });
}

export function postCard(post: Pick<Post, "title" | "description" | "readingTime" | "tags">): CardInput {
  return {
    ...siteCard,
    title: post.title,
    description: post.description,
    shortDescription: post.readingTime,
    labels: post.tags.map((tag) => tag.name),
  };
}

export function defaultCard(): CardInput {
  return {
    ...siteCard,
    title: "Engineering teams that ship calmly, sleep well and keep their people.",
    description: "Essays on on-call, incidents, code review, 1:1s and strategy.",
    labels: [],
  };
}

export function renderPostCard(post: Parameters<typeof postCard>[0]) {
  return renderCard(postCard(post));
}

export function renderDefaultCard() {
  return renderCard(defaultCard());
}
