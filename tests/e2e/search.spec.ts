import AxeBuilder from "@axe-core/playwright";
import matter from "gray-matter";
import { expect, test, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { builtSearchIndexVersion, SEARCH_INDEX_CACHE_CONTROL } from "../../lib/search/serve";
import { DRAFT_MARKERS, HOSTILE_SLUG, HOSTILE_TITLE } from "../../tooling/shared/hostile-posts";

/** Search (Pagefind, loaded on first open) in Chromium against the production build and its index. */

type Source = { slug: string; draft: boolean; front: string; body: string };

function sources(contentDir = "content"): Source[] {
  const dir = path.resolve(contentDir, "posts");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".mdx"))
    .map((file) => {
      const { data, content } = matter(readFileSync(path.join(dir, file), "utf8"));
      return {
        slug: path.basename(file, ".mdx"),
        draft: data.draft === true,
        front: JSON.stringify(data),
        body: content,
      };
    });
}

const words = (text: string) => new Set(text.toLowerCase().match(/\b[a-z]{9,}\b/g) ?? []);

/** A long word in one post's body and in no other post, nor in that post's title, description or tags. */
function bodyOnlyWord(posts: Source[], wanted: (post: Source) => boolean): { post: Source; word: string } {
  for (const post of posts.filter(wanted)) {
    const others = posts.filter((other) => other !== post);
    for (const word of words(post.body)) {
      if (post.front.toLowerCase().includes(word)) continue;
      if (others.some((other) => `${other.front} ${other.body}`.toLowerCase().includes(word))) continue;
      return { post, word };
    }
  }
  throw new Error("no post has a word of its own in its body");
}

const posts = sources();
const published = bodyOnlyWord(posts, (post) => !post.draft);

async function openSearch(page: Page) {
  // Before hydration the link goes to /search (the no-JavaScript page); the island says it is live with aria-keyshortcuts.
  await expect(page.locator("a.search-trigger")).toHaveAttribute("aria-keyshortcuts", "/");
  await page.locator("a.search-trigger").click();
  const dialog = page.getByRole("dialog", { name: "Search the essays" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("the index is this build's static output: served under its version, cached for good, apart from the fixture's", async ({
  request,
}) => {
  const version = builtSearchIndexVersion(".next");
  for (const file of ["pagefind.js", "pagefind-entry.json"]) {
    const response = await request.get(`/_next/static/pagefind/${version}/${file}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe(SEARCH_INDEX_CACHE_CONTROL);
  }
  // Nothing is served from a runtime route any more (it read the index from disk, which Vercel never shipped).
  expect((await request.get("/pagefind/pagefind.js")).status()).toBe(404);
  const fixture = process.env.E2E_FIXTURE_URL;
  if (fixture) {
    // The fixture's 45 posts are another index, in its own build folder: neither build overwrote the other.
    const fixtureVersion = builtSearchIndexVersion(".next-fixture");
    expect(fixtureVersion).not.toBe(version);
    expect((await request.get(`${fixture}/_next/static/pagefind/${fixtureVersion}/pagefind-entry.json`)).status()).toBe(
      200,
    );
    expect((await request.get(`${fixture}/_next/static/pagefind/${version}/pagefind-entry.json`)).status()).toBe(404);
  }
});

test("no search file is requested before the search opens", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/_next/static/pagefind/")) requested.push(request.url());
  });
  await page.goto(`/blog/${published.post.slug}`, { waitUntil: "networkidle" });
  await page.mouse.wheel(0, 2000);
  await page.locator("a.search-trigger").hover();
  expect(requested).toEqual([]);
  const loader = page.waitForRequest((request) =>
    /^\/_next\/static\/pagefind\/[a-f0-9]+\/pagefind\.js$/.test(new URL(request.url()).pathname),
  );
  await openSearch(page);
  await loader;
});

test("finds a post by a word that appears only in its body, highlighted, by keyboard alone", async ({ page }) => {
  await page.goto("/");
  // The shortcut is live once the header's island has hydrated (it says so with aria-keyshortcuts).
  await expect(page.locator("a.search-trigger")).toHaveAttribute("aria-keyshortcuts", "/");
  await page.keyboard.press("/");
  const dialog = page.getByRole("dialog", { name: "Search the essays" });
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole("searchbox", { name: "Words to find" });
  await expect(field).toBeFocused();
  await page.keyboard.type(published.word);
  await expect(dialog.getByRole("status")).toHaveText(`1 result for “${published.word}”.`);
  const result = dialog.locator(".search-result");
  await expect(result.locator("a")).toHaveAttribute("href", `/blog/${published.post.slug}`);
  await expect(result.locator("mark").first()).toHaveText(new RegExp(published.word, "i"));

  // Focus stays in the dialog (it is modal): Tab moves through its controls, Escape closes it.
  // (Past its last control Chromium hands focus to the browser's own UI, seen here as <body>, then back.)
  let reachedResult = false;
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    const where = await dialog.evaluate((el) =>
      el.contains(document.activeElement)
        ? (document.activeElement?.className ?? "")
        : document.activeElement === document.body
          ? "body"
          : "outside",
    );
    expect(where).not.toBe("outside");
    if (where === "search-result__title") reachedResult = true;
  }
  expect(reachedResult).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // A second open reuses the loaded index and finds again.
  await page.keyboard.press("/");
  await expect(dialog.getByRole("searchbox")).toHaveValue(published.word);
});

test("the topic filter narrows the results", async ({ page }) => {
  await page.goto("/");
  const dialog = await openSearch(page);
  await dialog.getByRole("searchbox").fill(published.word);
  await expect(dialog.getByRole("status")).toHaveText(/^1 result/);
  const postTags = (JSON.parse(published.post.front) as { tags?: string[] }).tags ?? [];
  const options = await dialog.getByRole("combobox", { name: "Topic" }).locator("option").allTextContents();
  const otherTag = options.find((name) => name !== "All topics" && !postTags.includes(name));
  test.skip(!otherTag, "every topic holds this post");
  await dialog.getByRole("combobox", { name: "Topic" }).selectOption(otherTag!);
  await expect(dialog.getByRole("status")).toHaveText(`No results for “${published.word}” in ${otherTag}.`);
});

test("the topic filter lists each tag once, with its one label, and finds its posts whatever spelling they use", async ({
  page,
}) => {
  // The sample posts write "engineering leadership" once and "Engineering Leadership" elsewhere; both mention incidents.
  const tagged = posts.filter((post) => !post.draft && /"engineering leadership"/i.test(post.front));
  test.skip(
    new Set(
      tagged.map((post) =>
        (JSON.parse(post.front) as { tags: string[] }).tags.find((t) => /^engineering leadership$/i.test(t)),
      ),
    ).size < 2,
    "one spelling only",
  );
  const incident = tagged.filter((post) => /incident/i.test(post.body));
  await page.goto("/");
  const dialog = await openSearch(page);
  const topic = dialog.getByRole("combobox", { name: "Topic" });
  // The topics appear once the index has loaded.
  await expect(topic.locator("option").nth(1)).toBeAttached();
  const options = (await topic.locator("option").allTextContents()).filter((name) => name !== "All topics");
  expect(new Set(options.map((name) => name.toLowerCase())).size).toBe(options.length);
  expect(options).toContain("Engineering Leadership");
  await dialog.getByRole("searchbox").fill("incident");
  await topic.selectOption("Engineering Leadership");
  await expect(dialog.getByRole("status")).toHaveText(
    new RegExp(`^${incident.length} results? for “incident” in Engineering Leadership`),
  );
});

test("a draft is never found", async ({ page }) => {
  const draft = posts.find((post) => post.draft);
  test.skip(!draft, "no draft in the sample content");
  // A word of the draft's own may still match other posts by its stem: what must never appear is the draft.
  const { word } = bodyOnlyWord(posts, (post) => post === draft);
  await page.goto("/");
  const dialog = await openSearch(page);
  await dialog.getByRole("searchbox").fill(word);
  await expect(dialog.getByRole("status")).toHaveText(new RegExp(`for “${word}”`));
  await expect(dialog.locator(`a[href="/blog/${draft!.slug}"]`)).toHaveCount(0);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the open dialog with results passes axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/");
    const dialog = await openSearch(page);
    await dialog.getByRole("searchbox").fill(published.word);
    await expect(dialog.locator(".search-result mark").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).include(".search-dialog").analyze();
    expect(results.violations).toEqual([]);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's search leads to /search, which explains and links to the topics and feeds", async ({ page }) => {
    await page.goto("/");
    await page.locator("a.search-trigger").click();
    await expect(page).toHaveURL(/\/search$/);
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(page.getByText("needs JavaScript")).toBeVisible();
    await expect(page.getByRole("link", { name: "Browse by topic" })).toHaveAttribute("href", "/tags");
    await expect(page.getByRole("link", { name: "RSS", exact: true })).toHaveAttribute("href", "/feed.xml");
  });
});

test.describe("the fixture build (hostile title, drafts)", () => {
  const fixtureUrl = process.env.E2E_FIXTURE_URL;
  test.skip(!fixtureUrl, "needs npm run build:fixture");

  test("a hostile title shows literally in the results and a draft's words find nothing", async ({ page }) => {
    let alerted = false;
    page.on("dialog", (dialog) => {
      alerted = true;
      void dialog.dismiss();
    });
    await page.goto(`${fixtureUrl}/`);
    const dialog = await openSearch(page);
    await dialog.getByRole("searchbox").fill("Titles are data");
    const hostile = dialog.locator(`.search-result a[href="/blog/${HOSTILE_SLUG}"]`);
    await expect(hostile).toHaveText(HOSTILE_TITLE);
    await expect(dialog.locator(".search-result script")).toHaveCount(0);
    for (const marker of DRAFT_MARKERS.slice(1, 4)) {
      await dialog.getByRole("searchbox").fill(marker);
      await expect(dialog.getByRole("status")).toHaveText(/^No results/);
    }
    expect(alerted).toBe(false);
  });
});

test("search works under /contact's per-request script policy, with no CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/contact");
  const dialog = await openSearch(page);
  await dialog.getByRole("searchbox").fill(published.word);
  await expect(dialog.getByRole("status")).toHaveText(/^1 result/);
  expect(violations).toEqual([]);
});

test("a query of any content is harmless: markup is searched as text and announced literally", async ({ page }) => {
  let alerted = false;
  page.on("dialog", (dialog) => {
    alerted = true;
    void dialog.dismiss();
  });
  await page.goto("/");
  const dialog = await openSearch(page);
  const hostile = `<img src=x onerror=alert(1)> "quotes" & ${"long ".repeat(60)}`;
  await dialog.getByRole("searchbox").fill(hostile);
  // The field keeps at most 200 characters; the status repeats the query as text.
  const kept = hostile.slice(0, 200).trim();
  await expect(dialog.getByRole("status")).toContainText(`for “${kept}”`);
  await expect(dialog.locator("img")).toHaveCount(0);
  expect(alerted).toBe(false);
});
