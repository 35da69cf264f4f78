import { describe, expect, it } from "vitest";

import { ANSWER_COOKIE, decodeAnswer, encodeAnswer, newAnswerId } from "@/lib/forms/answer-cookie";
import { CHECK_INBOX } from "@/lib/newsletter/messages";
import { newsletterAnswerPath } from "@/lib/routes";
import { headTags, type HeadTag } from "@/lib/seo/head-tags";
import { pageMetadata, postMetadata, rootMetadata } from "@/lib/seo/metadata";
import { getPosts } from "@/lib/content/posts";
import { site } from "@/lib/site";

const find = (tags: HeadTag[], key: string, value: string): Record<string, string>[] =>
  tags.flatMap((tag) => (tag.tag !== "title" && tag.attrs[key] === value ? [tag.attrs] : []));

describe("head tags for the Pages Router (lib/seo/head-tags.ts)", () => {
  const post = getPosts()[0]!;
  const tags = headTags(postMetadata(post));

  it("titles a page through the root's template, and the home page by its absolute title", () => {
    expect(tags[0]).toEqual({ tag: "title", text: `${post.title} · ${site.name}` });
    expect(headTags(pageMetadata({ path: "/" }))[0]).toEqual({
      tag: "title",
      text: (rootMetadata().title as { default: string }).default,
    });
  });

  it("writes the canonical, the feeds and the share card with absolute URLs", () => {
    const canonical = find(tags, "rel", "canonical")[0]!;
    expect(canonical.href).toBe(new URL(post.url, site.url).toString());
    expect(find(tags, "rel", "alternate").map((link) => link.type)).toEqual([
      "application/rss+xml",
      "application/atom+xml",
      "application/feed+json",
    ]);
    const image = find(tags, "property", "og:image")[0]!.content!;
    expect(image).toMatch(new RegExp(`^${site.url}/blog/${post.slug}/opengraph-image\\?v=`));
    expect(find(tags, "name", "twitter:image")[0]!.content).toBe(image);
    expect(find(tags, "property", "og:type")[0]!.content).toBe("article");
    expect(find(tags, "property", "article:tag").map((tag) => tag.content)).toEqual(post.tags.map((t) => t.name));
  });

  it("keeps a page out of search results when asked", () => {
    const noIndex = headTags(pageMetadata({ path: "/x", title: "X", noIndex: true }));
    expect(find(noIndex, "name", "robots")[0]!.content).toBe("noindex, follow");
    expect(find(tags, "name", "robots")).toEqual([]);
  });
});

describe("the answer to a sign-up without JavaScript (lib/forms/answer-cookie.ts)", () => {
  const state = {
    status: "invalid" as const,
    message: "",
    fieldErrors: { email: "Not an address" },
    values: { email: "ada@localhost" },
  };

  it("comes back for the sign-up it was given to, and for no other", () => {
    const id = newAnswerId();
    const cookie = encodeAnswer(id, state);
    expect(decodeAnswer(cookie, id)).toEqual(state);
    expect(decodeAnswer(cookie, newAnswerId())).toBeNull();
    expect(decodeAnswer(cookie, undefined)).toBeNull();
    expect(decodeAnswer(undefined, id)).toBeNull();
  });

  it("reads anything that is not an answer's shape as no answer", () => {
    const id = "abc";
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    expect(decodeAnswer("%%%not-base64", id)).toBeNull();
    expect(decodeAnswer(forge({ id, state: { status: "pwned", message: "x" } }), id)).toBeNull();
    expect(decodeAnswer(forge({ id, state: { status: "success", message: 42 } }), id)).toBeNull();
    expect(decodeAnswer(forge({ id, state: { status: "success", message: "x".repeat(5_000) } }), id)).toBeNull();
    expect(
      decodeAnswer(forge({ id, state: { status: "success", message: CHECK_INBOX, values: { email: 1 } } }), id),
    ).toEqual({
      status: "success",
      message: CHECK_INBOX,
      fieldErrors: {},
      values: {},
    });
    expect(ANSWER_COOKIE).toMatch(/^[a-z-]+$/);
  });

  it("is shown on /newsletter's own form, with the post the reader came from", () => {
    expect(newsletterAnswerPath({ from: "on-call", answer: "a1" })).toBe(
      "/newsletter?from=on-call&answer=a1#subscribe",
    );
    expect(newsletterAnswerPath()).toBe("/newsletter#subscribe");
  });
});
