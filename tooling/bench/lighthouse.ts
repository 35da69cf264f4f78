/**
 * Lighthouse (mobile and desktop presets) with the system Chromium and the
 * headless flags this machine needs. Pages compared with each other are run
 * interleaved (page A, page B, page A, …) in one browser, so a busy moment on
 * the shared machine hits every page alike; each figure is the median of N runs.
 * Runnable alone: tsx bench/lighthouse.ts [--runs 3] [--desktop] <url>…
 */
import * as chromeLauncher from "chrome-launcher";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import lighthouse, { desktopConfig } from "lighthouse";

export type LighthouseSample = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  /** What Lighthouse saw as the LCP element (a short selector), from the median-LCP run. */
  lcpElement?: string;
  /** Audits that lost points in Best practices or Accessibility, e.g. a 404 in the console. */
  failing?: string[];
  /** Why Lighthouse could not score the run (its runtime error, or the LCP audit's error). */
  error?: string;
};

export type LighthouseResult = Omit<LighthouseSample, "failing" | "error"> & {
  /** Errors of the runs left out. */
  errors?: string[];
  page: string;
  preset: "mobile" | "desktop";
  runs: number;
  failing: string[];
  /** Each run's performance score, to show the spread. */
  scores: number[];
  /** Runs Lighthouse could not finish, left out of the medians. */
  failedRuns?: number;
};

const FLAGS = [
  "--headless=new",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string =>
    Boolean(p && existsSync(p)),
  );
}

type Page = { page: string; url: string };

/** Runs every page `runs` times, interleaved, and returns one median result per page. */
export async function runLighthouseInterleaved(
  pages: Page[],
  preset: "mobile" | "desktop",
  runs: number,
  onSample?: (page: string, sample: LighthouseSample) => void,
): Promise<LighthouseResult[]> {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: [...FLAGS, ...(isRoot ? ["--no-sandbox"] : [])],
  });
  const samples = new Map<string, LighthouseSample[]>(pages.map((p) => [p.page, []]));
  try {
    for (let i = 0; i < runs; i++) {
      for (const { page, url } of pages) {
        const sample = await runOnce(chrome.port, url, preset);
        samples.get(page)!.push(sample);
        onSample?.(page, sample);
      }
    }
  } finally {
    chrome.kill();
  }
  return pages.map(({ page }) => summarise(page, preset, samples.get(page)!));
}

/** One page alone (kept for callers that compare nothing). */
export async function runLighthouse(
  url: string,
  page: string,
  preset: "mobile" | "desktop",
  runs: number,
): Promise<LighthouseResult> {
  return (await runLighthouseInterleaved([{ page, url }], preset, runs))[0]!;
}

async function runOnce(port: number, url: string, preset: "mobile" | "desktop"): Promise<LighthouseSample> {
  const result = await lighthouse(
    url,
    {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    },
    preset === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const failing: string[] = [];
  for (const id of ["accessibility", "best-practices", "seo"]) {
    for (const ref of categories[id]?.auditRefs ?? []) {
      const audit = audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(ref.id);
    }
  }
  const lcpDetails = audits["largest-contentful-paint-element"]?.details as
    { items?: { items?: { node?: { selector?: string } }[] }[] } | undefined;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcpMs: audits["largest-contentful-paint"]?.numericValue ?? NaN,
    fcpMs: audits["first-contentful-paint"]?.numericValue ?? NaN,
    tbtMs: audits["total-blocking-time"]?.numericValue ?? NaN,
    cls: audits["cumulative-layout-shift"]?.numericValue ?? NaN,
    lcpElement: lcpDetails?.items?.[0]?.items?.[0]?.node?.selector,
    failing,
    error: result.lhr.runtimeError?.message ?? audits["largest-contentful-paint"]?.errorMessage,
  };
}

function summarise(page: string, preset: "mobile" | "desktop", all: LighthouseSample[]): LighthouseResult {
  // A run Lighthouse could not finish (no score, no metrics: the page timed out under load) is left out, not counted as 0.
  const samples = all.filter((s) => Number.isFinite(s.lcpMs) && s.performance > 0);
  if (samples.length === 0) throw new Error(`Lighthouse finished no run of ${page} (${preset})`);
  const pick = (key: "performance" | "accessibility" | "bestPractices" | "seo" | "lcpMs" | "fcpMs" | "tbtMs" | "cls") =>
    median(samples.map((s) => s[key]));
  const lcpMs = pick("lcpMs");
  const closest = [...samples].sort((a, b) => Math.abs(a.lcpMs - lcpMs) - Math.abs(b.lcpMs - lcpMs))[0];
  return {
    page,
    preset,
    runs: samples.length,
    ...(samples.length < all.length
      ? {
          failedRuns: all.length - samples.length,
          errors: all.filter((s) => !samples.includes(s)).map((s) => s.error ?? "no score"),
        }
      : {}),
    performance: pick("performance"),
    accessibility: pick("accessibility"),
    bestPractices: pick("bestPractices"),
    seo: pick("seo"),
    lcpMs,
    fcpMs: pick("fcpMs"),
    tbtMs: pick("tbtMs"),
    cls: pick("cls"),
    lcpElement: closest?.lcpElement,
    failing: [...new Set(samples.flatMap((s) => s.failing ?? []))],
    scores: samples.map((s) => s.performance),
  };
}

if (process.argv[1]?.endsWith("lighthouse.ts")) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: "string", default: "3" }, desktop: { type: "boolean", default: false } },
  });
  const pages = positionals.map((url) => ({ page: url, url }));
  const results = await runLighthouseInterleaved(
    pages,
    values.desktop ? "desktop" : "mobile",
    Number(values.runs),
    (page, s) =>
      console.error(
        `  ${page}: ${s.performance} LCP ${Math.round(s.lcpMs)} TBT ${Math.round(s.tbtMs)} CLS ${s.cls.toFixed(3)}${s.error ? ` · ${s.error}` : ""}`,
      ),
  );
  for (const r of results) {
    console.log(
      `${r.page} ${r.preset}: ${r.performance}/${r.accessibility}/${r.bestPractices}/${r.seo} (runs ${r.scores.join(",")}) FCP ${Math.round(r.fcpMs)} LCP ${Math.round(r.lcpMs)} TBT ${Math.round(r.tbtMs)} CLS ${r.cls.toFixed(3)} · LCP element ${r.lcpElement ?? "?"}${r.failing.length ? ` · failing: ${r.failing.join(", ")}` : ""}`,
    );
  }
}
