import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { islandsScript, lazyModules, themeScript } from "@/lib/islands/scripts";
import { headerRules, inlineScriptHash, staticPageScripts, staticPageSources } from "@/lib/security/headers";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

/** The islands as `npm run islands` built them (the unit tests run it first): what every page carries. */
describe("the islands' build", () => {
  it("inlines two scripts that cannot end their element early, within the page's JavaScript budget", () => {
    for (const source of [themeScript, islandsScript]) {
      expect(source).not.toMatch(/<\/script|<!--/i);
      expect(source.length).toBeGreaterThan(100);
    }
    // The budget for all the JavaScript a post loads: 10 KiB gzip.
    expect(gzipSync(themeScript + islandsScript, { level: 9 }).length).toBeLessThanOrEqual(10 * 1024);
  });

  it("loads the search dialog, the quote popover and the sign-up sender by address, from files that exist", () => {
    for (const { url } of Object.values(lazyModules)) {
      expect(url).toMatch(/^\/islands\/[\w-]+\.[0-9a-f]{12}\.js$/);
      expect(islandsScript).toContain(JSON.stringify(url));
      expect(readFileSync(path.join(root, "public", url), "utf8")).toMatch(/export\s*\{/);
    }
    // Never bundled into the inline script (a require shim would mean esbuild rewrote the import).
    expect(islandsScript).not.toMatch(/\brequire\b/);
  });

  it("is what the static pages' policy allows, by hash", () => {
    expect(staticPageScripts()).toEqual(["'self'", inlineScriptHash(themeScript), inlineScriptHash(islandsScript)]);
  });

  it("gives the strict policy to the static pages that exist only, after the site-wide headers (so it wins)", () => {
    const tags = { culture: 41, "c-plus-plus": 2, ダ: 1 };
    expect(staticPageSources({ posts: ["on-call", "one-on-ones", "bad slug/../x"], tags })).toEqual([
      "/",
      "/blog",
      "/blog/:slug(on-call|one-on-ones)",
      "/tags/:tag(culture|c-plus-plus)",
      "/tags/culture/page/:page(2|3)",
    ]);
    expect(staticPageSources({ posts: [] })).toEqual(["/", "/blog"]);
    const rules = headerRules({ posts: ["on-call"] }, false);
    expect(rules.map((rule) => rule.source)).toEqual(["/:path*", "/", "/blog", "/blog/:slug(on-call)"]);
    const strict = rules[3]!.headers[0]!;
    expect(strict.key).toBe("Content-Security-Policy");
    expect(/script-src ([^;]+)/.exec(strict.value)![1]).not.toContain("'unsafe-inline'");
    expect(strict.value).toContain(inlineScriptHash(islandsScript));
    // `next dev` hydrates these pages with the framework's scripts: no strict policy there.
    expect(headerRules({ posts: ["on-call"] }, true)).toHaveLength(1);
    // 41 posts make three pages of the blog's list: /blog, /blog/page/2 and /blog/page/3.
    const many = staticPageSources({ posts: Array.from({ length: 41 }, (_, i) => `post-${i}`) });
    expect(many).toContain("/blog/page/:page(2|3)");
  });
});

describe("the unstable flag's guard", () => {
  it("keeps next pinned to the exact version whose unstable_runtimeJS was checked", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies.next).toBe("16.4.5");
    const installed = JSON.parse(readFileSync(path.join(root, "node_modules/next/package.json"), "utf8")) as {
      version: string;
    };
    expect(installed.version).toBe(pkg.dependencies.next);
  });
});
