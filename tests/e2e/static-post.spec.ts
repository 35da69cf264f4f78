import { createHash } from "node:crypto";

import { expect, test } from "@playwright/test";

import { publishedPosts } from "../support/content";

/**
 * A post is static HTML without the framework's runtime (pages/blog/[slug].tsx, `unstable_runtimeJS: false`, an
 * unstable flag of a pinned Next): these fail the build's tests the day a post carries a script file, Next's data
 * or a module preload, or runs any script its strict policy does not name by hash.
 */

const posts = publishedPosts();

test("no built post carries a script file, __NEXT_DATA__ or a module preload", async ({ request }) => {
  for (const post of posts) {
    const html = await (await request.get(`/blog/${post.slug}`)).text();
    expect(html, post.slug).toContain('id="post"');
    expect(html.match(/<script\b[^>]*\bsrc=/gi) ?? [], post.slug).toEqual([]);
    expect(html, post.slug).not.toContain("__NEXT_DATA__");
    expect(html.match(/<link\b[^>]*rel="(?:modulepreload|preload)"[^>]*as="script"[^>]*>/gi) ?? [], post.slug).toEqual(
      [],
    );
    expect(html.match(/<link\b[^>]*rel="modulepreload"[^>]*>/gi) ?? [], post.slug).toEqual([]);
    expect(html, post.slug).not.toContain("self.__next_f");
  }
});

test("a post's policy allows exactly its inline scripts, by hash, without 'unsafe-inline'", async ({ request }) => {
  const response = await request.get(`/blog/${posts[0]!.slug}`);
  const policy = response.headers()["content-security-policy"]!;
  const scriptSrc = /script-src ([^;]+)/.exec(policy)![1]!.split(" ");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'strict-dynamic'");
  const html = await response.text();
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
    ([, attributes]) => !/type="application\/ld\+json"/.test(attributes!),
  );
  const hashes = inline.map(([, , body]) => `'sha256-${createHash("sha256").update(body!, "utf8").digest("base64")}'`);
  expect(hashes).toHaveLength(2); // the theme, then the islands
  expect(scriptSrc.filter((source) => source.startsWith("'sha256-")).sort()).toEqual([...hashes].sort());
});

test("the islands run under that policy: theme, share, section link, search, with no CSP violation", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const post = posts[0]!;
  await page.goto(`/blog/${post.slug}`);
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  await page.locator('[data-share-bar="full"]').getByRole("button", { name: "Copy link" }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(new RegExp(`/blog/${post.slug}$`));
  await page.locator("a.search-trigger").click();
  const dialog = page.getByRole("dialog", { name: "Search the essays" });
  await dialog.getByRole("searchbox").fill("team");
  await expect(dialog.locator(".search-result").first()).toBeVisible();
  // The choice of theme survives a full page load (applied before first paint).
  await page.goto(`/blog/${posts.at(-1)!.slug}`);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(violations).toEqual([]);
});

test("a post's head matches what the App Router writes for the shell: viewport, theme colours, icons, manifest", async ({
  request,
}) => {
  const pick = (html: string) =>
    [
      ...html.matchAll(
        /<(?:meta|link)\b[^>]*(?:name="(?:viewport|theme-color)"|rel="(?:icon|apple-touch-icon|manifest)")[^>]*>/g,
      ),
    ]
      .map(([tag]) => {
        const attrs = Object.fromEntries([...tag.matchAll(/(\w[\w-]*)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
        return `${attrs.name ?? attrs.rel} ${attrs.media ?? ""} ${attrs.content ?? (attrs.href ?? "").replace(/\?.*$/, "")}`;
      })
      .sort();
  const app = pick(await (await request.get("/tags")).text());
  const post = pick(await (await request.get(`/blog/${posts[0]!.slug}`)).text());
  expect(post).toEqual(app);
  expect(app.length).toBeGreaterThanOrEqual(7);
});

test("an unknown post is the site's 404 page, and its policy lets it run (the strict one names real posts only)", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/blog/no-such-post-here");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("isn’t here");
  expect(violations).toEqual([]);
});
