/**
 * Lighthouse (mobile and desktop presets) with the system Chromium and the
 * headless flags this machine needs; the median of N runs per page.
 */
import * as chromeLauncher from "chrome-launcher";
import { existsSync } from "node:fs";
import lighthouse, { desktopConfig } from "lighthouse";

export type LighthouseResult = {
  page: string;
  preset: "mobile" | "desktop";
  runs: number;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
};

const FLAGS = ["--headless=new", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => Boolean(p && existsSync(p)));
}

export async function runLighthouse(url: string, page: string, preset: "mobile" | "desktop", runs: number): Promise<LighthouseResult> {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: [...FLAGS, ...(isRoot ? ["--no-sandbox"] : [])],
  });
  const samples: Omit<LighthouseResult, "page" | "preset" | "runs">[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(
        url,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] },
        preset === "desktop" ? desktopConfig : undefined,
      );
      if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
      const { categories, audits } = result.lhr;
      samples.push({
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        bestPractices: Math.round((categories["best-practices"]?.score ?? 0) * 100),
        seo: Math.round((categories.seo?.score ?? 0) * 100),
        lcpMs: audits["largest-contentful-paint"]?.numericValue ?? NaN,
        tbtMs: audits["total-blocking-time"]?.numericValue ?? NaN,
        cls: audits["cumulative-layout-shift"]?.numericValue ?? NaN,
      });
    }
  } finally {
    chrome.kill();
  }
  const pick = (key: keyof (typeof samples)[number]) => median(samples.map((s) => s[key]));
  return {
    page,
    preset,
    runs,
    performance: pick("performance"),
    accessibility: pick("accessibility"),
    bestPractices: pick("bestPractices"),
    seo: pick("seo"),
    lcpMs: pick("lcpMs"),
    tbtMs: pick("tbtMs"),
    cls: pick("cls"),
  };
}
