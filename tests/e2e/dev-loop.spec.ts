import { expect, test, type Page } from "@playwright/test";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { startDevServer, type DevServer } from "../support/dev-server";

/**
 * The author's loop: `npm run dev` runs (in a throwaway copy of the project), one mistake at a time is saved into a
 * post, and within 5 s of the save the terminal prints the problem once as `file:line:col: what, and what to do`
 * and the browser, open on the post, shows it naming the file and the true line (frontmatter counted). Other
 * posts keep rendering; saving the fix brings the post back. Times are measured from the save and printed.
 */

const SLUG = "designing-an-on-call-rotation-nobody-dreads";
const FILE = `content/posts/${SLUG}.mdx`;
const OTHER = "code-review-is-a-conversation-not-a-gate";
const WITHIN_MS = 5_000;
// Generous waits for a condition (the 5 s requirement is asserted on the measured time, not by these).
const WAIT_MS = 30_000;

test.describe.configure({ mode: "serial" });

let dev: DevServer;
let original = "";
let title = "";
const timings: string[] = [];

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;
const columnOf = (text: string, needle: string) => text.split("\n")[lineOf(text, needle) - 1]!.indexOf(needle) + 1;
/** `lines` inserted as whole lines before the line holding `before`. */
const insertBefore = (text: string, before: string, lines: string[]) => {
  const all = text.split("\n");
  all.splice(lineOf(text, before) - 1, 0, ...lines);
  return all.join("\n");
};
const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

function postFile() {
  return path.join(dev.dir, FILE);
}

/** Resolves with performance.now() when the page's h1 and alert hold what `done` wants (polled every 50 ms). */
async function shown(
  page: Page,
  done: { h1?: string; alert?: string; noAlert?: boolean; text?: string },
  timeout = WAIT_MS,
) {
  await page.waitForFunction(
    ({ h1, alert, noAlert, text }) => {
      const heading = document.querySelector("h1")?.textContent ?? "";
      // In main: next dev's route announcer (pages hydrate in development) is a role=alert of its own.
      const notice = document.querySelector("main [role=alert]")?.textContent ?? null;
      if (h1 !== undefined && heading.trim() !== h1) return false;
      if (alert !== undefined && !(notice ?? "").includes(alert)) return false;
      if (noAlert && notice !== null) return false;
      return text === undefined || document.body.textContent!.includes(text);
    },
    done,
    { polling: 50, timeout },
  );
  return performance.now();
}

test.beforeAll(async ({ browser }, testInfo) => {
  // Measured on this 2-core machine shared with other builds: start and the post's first compile took 25–160 s,
  // a warm-up round 5–40 s (one to three rounds). 480 s keeps 2x headroom over the slowest seen.
  testInfo.setTimeout(480_000);
  const started = performance.now();
  dev = await startDevServer();
  original = readFileSync(postFile(), "utf8");
  title = /^title: "(.*)"$/m.exec(original)![1]!;
  const page = await browser.newPage();
  try {
    await page.goto(`${dev.url}/blog/${SLUG}`, { timeout: 180_000 });
    await shown(page, { h1: title }, 60_000);
    timings.push(`start to first page: ${Math.round(performance.now() - started)} ms`);
    // Warm-up: next dev compiles the path of each kind of change the first time it sees one (a post that changed,
    // a post held back), and writes its cache to disk in the background after its first compiles (tens of seconds
    // of CPU here). An author's session is past that within a minute; the saves measured below come after it:
    // rounds of both kinds of change, until one round shows each within 2.5 s (half the requirement).
    for (let round = 1; ; round++) {
      const steps: number[] = [];
      for (const [text, done] of [
        [
          original.replace("You do not need heroes.", `You do not need heroes (warm-up ${round}).`),
          { text: `(warm-up ${round})` },
        ],
        [
          original.replace("You do not need heroes.", "You do not need heroes {warm-up}."),
          { h1: `1 problem in ${FILE}` },
        ],
        [original, { h1: title, noAlert: true }],
      ] as const) {
        const saved = performance.now();
        writeFileSync(postFile(), text);
        steps.push((await shown(page, done, 60_000)) - saved);
      }
      if (steps.every((ms) => ms <= 2_500) || round === 6) {
        timings.push(
          `warm-up: ${round} round${round === 1 ? "" : "s"}, the last ${steps.map(Math.round).join(", ")} ms`,
        );
        break;
      }
    }
    timings.push(`start to warmed up: ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    const file = testInfo.outputPath("npm-run-dev.txt");
    writeFileSync(file, dev?.output() ?? "");
    await testInfo.attach("npm run dev output", { path: file, contentType: "text/plain" });
    throw error;
  } finally {
    await page.close();
  }
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus && dev) {
    const file = testInfo.outputPath("npm-run-dev.txt");
    writeFileSync(file, dev.output());
    await testInfo.attach("npm run dev output", { path: file, contentType: "text/plain" });
  }
});

test.afterAll(async ({}, testInfo) => {
  console.log(`dev loop timings (from the save):\n  ${timings.join("\n  ")}`);
  if (dev) {
    const file = testInfo.outputPath("npm-run-dev.txt");
    writeFileSync(file, dev.output());
    await testInfo.attach("npm run dev output", { path: file, contentType: "text/plain" });
  }
  await dev?.stop();
});

test("npm run dev checks every post at start and warns about a tag written two ways, naming the files", () => {
  const printed = dev.output();
  expect(printed).toMatch(/✓ \d+ post files checked in \d+ ms \(content\/posts\); watching for changes/);
  // The sample posts write "engineering leadership" once and "Engineering Leadership" elsewhere.
  expect(printed).toMatch(
    /⚠ content\/posts\/blameless-post-mortems-that-change-things\.mdx:\d+:\d+: warning: tag "engineering leadership" is written "Engineering Leadership" in \d+ posts: content\/posts\//,
  );
});

type Mistake = {
  name: string;
  edit: (text: string) => string;
  at: (edited: string) => [number, number];
  message: string;
};

const mistakes: Mistake[] = [
  {
    name: "publishedDate typo",
    edit: (text) => text.replace(/^publishDate:/m, "publishedDate:"),
    at: (edited) => [lineOf(edited, "publishedDate:"), 1],
    message: `"publishedDate": unknown field (did you mean "publishDate"?): rename it to publishDate, which is required`,
  },
  {
    name: "publishDate: May 2",
    edit: (text) => text.replace(/^publishDate: .*$/m, "publishDate: May 2"),
    at: (edited) => [lineOf(edited, "publishDate: May 2"), columnOf(edited, "May 2")],
    message: `"publishDate": expected a date like 2025-05-02, got "May 2"`,
  },
  {
    name: "publishDate: 20 November 2025",
    edit: (text) => text.replace(/^publishDate: .*$/m, "publishDate: 20 November 2025"),
    at: (edited) => [lineOf(edited, "publishDate: 20"), columnOf(edited, "20 November")],
    message: `"publishDate": expected a date like 2025-05-02, got "20 November 2025"`,
  },
  {
    name: "unclosed <aside>",
    edit: (text) => insertBefore(text, "## The pager is a product", ["<aside>", ""]),
    at: (edited) => [lineOf(edited, "<aside>"), 1],
    message: "MDX syntax error: Expected a closing tag for `<aside>`: close it with `</aside>`",
  },
  {
    name: "bare < in text",
    edit: (text) => text.replace("You do not need heroes.", "You do not need heroes: <3 pages a week will do."),
    // micromark points at the character after "<", which cannot start a tag.
    at: (edited) => [lineOf(edited, "<3 pages"), columnOf(edited, "<3 pages") + 1],
    message: "MDX syntax error: Unexpected character `3` (U+0033) before name",
  },
  {
    name: "image that is not in public/",
    edit: (text) =>
      insertBefore(text, "## The pager is a product", ["![The escalation path](/images/escalation-path.svg)", ""]),
    at: (edited) => [lineOf(edited, "![The escalation path]"), 1],
    message: `image "/images/escalation-path.svg" not found: there is no public/images/escalation-path.svg`,
  },
  {
    name: "code block in yamll",
    edit: (text) => insertBefore(text, "## The pager is a product", ["```yamll", "rotation: weekly", "```", ""]),
    at: (edited) => [lineOf(edited, "```yamll"), 1],
    message: `code block language "yamll" is unknown to the highlighter: did you mean "yaml"?`,
  },
];

for (const mistake of mistakes) {
  test(`${mistake.name}: the terminal and the page name the file and line within 5 s; the fix brings the post back`, async ({
    page,
  }) => {
    await page.goto(`${dev.url}/blog/${SLUG}`);
    await shown(page, { h1: title, noAlert: true });

    const edited = mistake.edit(original);
    expect(edited).not.toBe(original);
    const [line, column] = mistake.at(edited);
    const problem = `${FILE}:${line}:${column}: ${mistake.message}`;
    const from = dev.output().length;
    const saved = performance.now();
    writeFileSync(postFile(), edited);
    const [printedAt, shownAt] = await Promise.all([
      dev.waitForOutput(from, (printed) => printed.includes(`✖ ${problem}`), WAIT_MS),
      shown(page, { h1: `1 problem in ${FILE}`, alert: problem }),
    ]);
    const printedMs = Math.round(printedAt - saved);
    const shownMs = Math.round(shownAt - saved);

    // Other posts keep rendering meanwhile.
    const other = await page.request.get(`${dev.url}/blog/${OTHER}`);
    expect(other.status()).toBe(200);
    expect(await other.text()).toContain("Code Review Is a Conversation, Not a Gate");

    const fixFrom = dev.output().length;
    const fixed = performance.now();
    writeFileSync(postFile(), original);
    const backAt = await shown(page, { h1: title, noAlert: true });
    await dev.waitForOutput(
      fixFrom,
      (printed) => printed.includes(`✓ ${FILE}: fixed, the site shows it again`),
      WAIT_MS,
    );
    const backMs = Math.round(backAt - fixed);
    timings.push(
      `${mistake.name}: terminal ${printedMs} ms, browser ${shownMs} ms, post back after the fix ${backMs} ms`,
    );

    // Printed once, in the build's format, and nothing else about it (no framework error dump).
    const printed = dev.output().slice(from, fixFrom);
    expect(occurrences(printed, problem)).toBe(1);
    expect(printed).not.toMatch(/⨯|Error:|SourceFetchDataError/);
    expect(printedMs).toBeLessThanOrEqual(WITHIN_MS);
    expect(shownMs).toBeLessThanOrEqual(WITHIN_MS);
    expect(backMs).toBeLessThanOrEqual(WITHIN_MS);
  });
}

test("a tag written another way: a warning names the files, and the page keeps the one label", async ({ page }) => {
  await page.goto(`${dev.url}/blog/${SLUG}`);
  await shown(page, { h1: title, noAlert: true });
  const edited = original
    .replace('"Engineering Leadership"]', '"engineering LEADERSHIP"]')
    .replace("You do not need heroes.", "You do not need heroes (tag edit).");
  const [line, column] = [lineOf(edited, '"engineering LEADERSHIP"'), columnOf(edited, '"engineering LEADERSHIP"')];
  // The other posts that write the label's spelling, named first by the warning.
  const postsDir = path.join(dev.dir, "content", "posts");
  const others = readdirSync(postsDir)
    .filter(
      (name) =>
        name !== `${SLUG}.mdx` && readFileSync(path.join(postsDir, name), "utf8").includes('"Engineering Leadership"'),
    )
    .sort();
  expect(others.length).toBeGreaterThan(1);
  const from = dev.output().length;
  const saved = performance.now();
  writeFileSync(postFile(), edited);
  const [printedAt, shownAt] = await Promise.all([
    dev.waitForOutput(
      from,
      (printed) =>
        printed.includes(
          `⚠ ${FILE}:${line}:${column}: warning: tag "engineering LEADERSHIP" is written "Engineering Leadership" in ${others.length} posts: content/posts/${others[0]}`,
        ),
      WAIT_MS,
    ),
    shown(page, { h1: title, noAlert: true, text: "(tag edit)" }),
  ]);
  timings.push(
    `tag written another way: terminal ${Math.round(printedAt - saved)} ms, browser ${Math.round(shownAt - saved)} ms`,
  );
  // A warning does not hold the post back, and the page shows the label every page uses.
  const tags = page.getByRole("list", { name: "Topics", exact: true }).getByRole("link");
  await expect(tags).toContainText(["Engineering Leadership"]);
  await expect(page.getByText("engineering LEADERSHIP", { exact: true })).toHaveCount(0);
  expect(printedAt - saved).toBeLessThanOrEqual(WITHIN_MS);
  expect(shownAt - saved).toBeLessThanOrEqual(WITHIN_MS);
  writeFileSync(postFile(), original);
  await shown(page, { text: "You do not need heroes." });
});
