import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { checkBuild } from "@/lib/deploy/build-check";
import { isPlaceholderAddress, placeholderWarnings, siteUrlAtStart, siteUrlWarning } from "@/lib/deploy/checks";
import { databaseProblem, detectHost } from "@/lib/deploy/host";
import { schedulerMode } from "@/lib/scheduled/runtime";

describe("a file database on a host that does not keep files", () => {
  it("is refused on Vercel whether DATABASE_URL is unset or a file:, naming the variable and what to do", () => {
    for (const url of [undefined, "", "file:.data/enquiries.db", "file:/tmp/enquiries.db"]) {
      const problem = databaseProblem(url, { VERCEL: "1" });
      expect(problem?.variable).toBe("DATABASE_URL");
      expect(problem?.problem).toContain("Vercel does not keep files");
      expect(problem?.problem).toContain("DATABASE_URL=libsql://");
      expect(problem?.problem).toContain("DATABASE_AUTH_TOKEN");
      expect(problem?.problem).toContain("turso db create");
    }
    expect(databaseProblem("libsql://blog-nora.turso.io", { VERCEL: "1" })).toBeNull();
    expect(databaseProblem("https://blog-nora.turso.io", { VERCEL: "1" })).toBeNull();
  });

  it("is refused on the other hosts known to lose files, and allowed on a plain server", () => {
    for (const source of [
      { NETLIFY: "true" },
      { AWS_LAMBDA_FUNCTION_NAME: "blog" },
      { K_SERVICE: "blog" },
      { DYNO: "web.1" },
    ]) {
      expect(databaseProblem(undefined, source)?.problem).toContain(`${detectHost(source)!.name} does not keep files`);
    }
    expect(databaseProblem(undefined, {})).toBeNull();
    expect(databaseProblem("file:/var/lib/blog/enquiries.db", { HOME: "/root" })).toBeNull();
  });

  it("stops the build in the environment check's own format, with every other bad value", () => {
    const { problems } = checkBuild({ VERCEL: "1", TRUST_PROXY: "banana" });
    expect(problems.map((problem) => problem.variable).sort()).toEqual(["DATABASE_URL", "TRUST_PROXY"]);
    expect(
      checkBuild({ VERCEL: "1", DATABASE_URL: "libsql://blog.turso.io", DATABASE_AUTH_TOKEN: "t" }).problems,
    ).toEqual([]);
  });
});

describe("SITE_URL recorded at build, compared at start", () => {
  it("refuses a start whose SITE_URL differs from the build's, saying what to do", () => {
    const problem = siteUrlAtStart("https://steadystate.co.uk", { SITE_URL: "https://www.steadystate.co.uk" });
    expect(problem?.variable).toBe("SITE_URL");
    expect(problem?.problem).toContain("this build was made for https://steadystate.co.uk");
    expect(problem?.problem).toContain("Build again with SITE_URL=https://www.steadystate.co.uk");
    expect(problem?.problem).toContain("or start with SITE_URL=https://steadystate.co.uk");
  });

  it("refuses SITE_URL given at start to a build made without it (its pages say localhost, robots.txt Disallow: /)", () => {
    const problem = siteUrlAtStart("", { SITE_URL: "https://steadystate.co.uk" });
    expect(problem?.problem).toContain("made without SITE_URL");
    expect(problem?.problem).toContain("closed to search engines");
  });

  it("accepts the same URL written differently, no SITE_URL at start, or no record at all", () => {
    expect(siteUrlAtStart("https://steadystate.co.uk", { SITE_URL: "https://steadystate.co.uk/" })).toBeNull();
    expect(siteUrlAtStart("https://steadystate.co.uk", {})).toBeNull();
    expect(siteUrlAtStart(undefined, { SITE_URL: "https://elsewhere.example" })).toBeNull();
  });

  it("warns at every start of a build made without SITE_URL", () => {
    expect(siteUrlWarning("")).toMatch(/^⚠ SITE_URL was not set for this build/);
    expect(siteUrlWarning("https://steadystate.co.uk")).toBeNull();
  });
});

describe("placeholder addresses", () => {
  it("recognises reserved domains only", () => {
    expect(isPlaceholderAddress("hello@steadystate.example")).toBe(true);
    expect(isPlaceholderAddress("Steady State <enquiries@steadystate.test>")).toBe(true);
    expect(isPlaceholderAddress("me@example.com")).toBe(true);
    expect(isPlaceholderAddress("nora@steadystate.co.uk")).toBe(false);
    expect(isPlaceholderAddress("Nora <nora@examples.com>")).toBe(false);
  });

  it("warns about the author's public address always, and about the email addresses once they are used for real", () => {
    const placeholders = {
      authorEmail: "hello@steadystate.example",
      contactToEmail: "hello@steadystate.example",
      contactFromEmail: "Steady State website <hello@steadystate.example>",
    };
    expect(placeholderWarnings({ ...placeholders, emailing: false })).toEqual([
      expect.stringMatching(/^⚠ lib\/site\.ts: author\.email is the placeholder hello@steadystate\.example/),
    ]);
    expect(placeholderWarnings({ ...placeholders, emailing: true })).toHaveLength(3);
    expect(
      placeholderWarnings({
        authorEmail: "nora@steadystate.co.uk",
        contactToEmail: "nora@steadystate.co.uk",
        contactFromEmail: "Steady State <hello@steadystate.co.uk>",
        emailing: true,
      }),
    ).toEqual([]);
  });
});

describe("who runs the scheduled run", () => {
  const production = { NODE_ENV: "production" as const, SCHEDULER_ENABLED: true };

  it("is this server under npm start, Vercel Cron on Vercel, an external cron when switched off or serverless", () => {
    expect(schedulerMode(production, {})).toBe("in-process");
    expect(schedulerMode(production, { VERCEL: "1" })).toBe("vercel-cron");
    expect(schedulerMode({ ...production, SCHEDULER_ENABLED: false }, {})).toBe("external-cron");
    expect(schedulerMode(production, { AWS_LAMBDA_FUNCTION_NAME: "blog" })).toBe("external-cron");
    expect(schedulerMode({ ...production, NODE_ENV: "development" }, {})).toBe("off-in-development");
  });

  it("on Vercel, vercel.json schedules the cron route, at most daily so the Hobby plan accepts it", () => {
    const config = JSON.parse(readFileSync("vercel.json", "utf8")) as { crons: { path: string; schedule: string }[] };
    expect(config.crons).toHaveLength(1);
    const [cron] = config.crons;
    expect(cron!.path).toBe("/api/enquiries/retry");
    // Minute and hour fixed: once a day (Vercel refuses a more frequent cron on Hobby).
    expect(cron!.schedule).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
    // The route answers Vercel Cron's GET (the bearer check is tested in tests/integration/contact/retry-route.test.ts).
    expect(readFileSync("app/api/enquiries/retry/route.ts", "utf8")).toMatch(/^export const GET = /m);
  });
});
