import { expect, test, type Page } from "@playwright/test";

import { publishedPosts } from "../support/content";

/** Quote links on a post in Chromium (a fine pointer): select a sentence, copy its link, open it. */

const post = publishedPosts()[0]!;
const path = `/blog/${post.slug}`;

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** Selects the first sentence of a paragraph well down the article; returns the sentence. */
async function selectSentence(page: Page): Promise<string> {
  return page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll<HTMLParagraphElement>("#post .prose > p")];
    for (const p of paragraphs.slice(Math.floor(paragraphs.length / 2))) {
      const text = p.firstChild;
      if (!(text instanceof Text)) continue;
      const end = text.data.indexOf(". ");
      if (end < 30) continue;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, end + 1);
      p.dataset.quoted = "true";
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return range.toString();
    }
    throw new Error("no paragraph starts with a plain sentence");
  });
}

test("selecting a sentence copies a link that, opened, scrolls to that sentence", async ({ page, context }) => {
  await page.goto(path);
  const sentence = await selectSentence(page);
  const popover = page.getByRole("group", { name: "Quote" });
  await popover.getByRole("button", { name: "Copy link to quote" }).click();
  await expect(popover.getByRole("status")).toHaveText("Link to quote copied");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.split("#")[0]).toMatch(new RegExp(`${path}$`));
  expect(link).toContain("#:~:text=");
  // The words, percent-encoded, are what the directive names (hyphens and commas encoded too).
  const words = decodeURIComponent(
    link
      .split("#:~:text=")[1]!
      .split(",")
      .find((part) => !part.endsWith("-"))!,
  );
  expect(sentence.replace(/\s+/g, " ")).toContain(words);

  // A new tab: a text fragment acts on a new document's load, as when a reader opens the link.
  const reader = await context.newPage();
  // The link is canonical (SITE_URL); open its path and fragment on the server under test.
  await reader.goto(link.slice(link.indexOf(path)));
  // Chromium scrolls the first match into view (and paints it with ::target-text).
  await expect
    .poll(() =>
      reader.evaluate((text) => {
        const p = [...document.querySelectorAll("#post .prose > p")].find((el) =>
          el.textContent!.replace(/\s+/g, " ").includes(text.replace(/\s+/g, " ")),
        );
        if (!p) return "missing";
        const rect = p.getBoundingClientRect();
        return window.scrollY > 0 && rect.top < window.innerHeight && rect.bottom > 0 ? "in view" : "out of view";
      }, sentence),
    )
    .toBe("in view");
  // The directive is the browser's: the page's own fragment stays empty.
  expect(await reader.evaluate(() => location.hash)).toBe("");
});

test("Mastodon asks once for a valid server, refuses an invalid one without navigating, then opens its share page", async ({
  page,
  context,
}) => {
  await context.route("https://mastodon.social/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Mastodon</title>" }),
  );
  await page.goto(path);
  await selectSentence(page);
  const popover = page.getByRole("group", { name: "Quote" });
  await popover.getByRole("button", { name: "Share quote" }).click();
  await expect(popover.locator('a[data-quote-share="x"]')).toHaveAttribute("href", /%23%3A~%3Atext%3D/);
  await popover.getByRole("button", { name: "Mastodon" }).click();

  const field = popover.getByRole("textbox", { name: "Your Mastodon server" });
  await field.fill("evil.test/phish?x=");
  let popups = 0;
  page.on("popup", () => popups++);
  await popover.getByRole("button", { name: "Share" }).click();
  await expect(popover.getByRole("alert")).toContainText("like mastodon.social");
  expect(popups).toBe(0);

  await field.fill("https://Mastodon.social/");
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    popover.getByRole("button", { name: "Share" }).click(),
  ]);
  const opened = new URL(popup.url());
  expect(opened.origin + opened.pathname).toBe("https://mastodon.social/share");
  expect(opened.searchParams.get("text")).toContain(`${path}#:~:text=`);
  await popup.close();
  expect(await page.evaluate(() => localStorage.getItem("steady-state.mastodon-instance"))).toBe("mastodon.social");

  // Remembered: the next share goes straight to the server.
  await selectSentence(page);
  await popover.getByRole("button", { name: "Share quote" }).click();
  const [second] = await Promise.all([
    page.waitForEvent("popup"),
    popover.getByRole("button", { name: "Mastodon" }).click(),
  ]);
  expect(new URL(second.url()).hostname).toBe("mastodon.social");
});

test.describe("on a touch device", () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test("no quote popover: the section links and native share remain the way", async ({ page }) => {
    await page.goto(path);
    await selectSentence(page);
    // Give a popover every chance to appear: wait until the page is idle after the selection.
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("group", { name: "Quote" })).toHaveCount(0);
  });
});

test("a selection that cuts its first and last words links the whole words", async ({ page }) => {
  await page.goto(path);
  const { start, end } = await page.evaluate(() => {
    for (const p of document.querySelectorAll<HTMLParagraphElement>("#post .prose > p")) {
      const text = p.firstChild;
      if (!(text instanceof Text)) continue;
      // Three whole words in the middle, then one more cut after its first letter; the first word cut too.
      const words = [...text.data.matchAll(/[A-Za-z]{4,}/g)];
      if (words.length < 8) continue;
      const [a, , , , b] = words.slice(2);
      const range = document.createRange();
      range.setStart(text, a!.index! + 2);
      range.setEnd(text, b!.index! + 1);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return { start: a![0], end: b![0] };
    }
    throw new Error("no paragraph with enough words");
  });
  const popover = page.getByRole("group", { name: "Quote" });
  await popover.getByRole("button", { name: "Copy link to quote" }).click();
  await expect(popover.getByRole("status")).toHaveText("Link to quote copied");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const quoted = decodeURIComponent(link.split("#:~:text=")[1]!)
    .split(",")
    .filter((part) => !part.endsWith("-") && !part.startsWith("-"))
    .join(" … ");
  expect(quoted.startsWith(start)).toBe(true);
  expect(quoted.endsWith(end)).toBe(true);
});
