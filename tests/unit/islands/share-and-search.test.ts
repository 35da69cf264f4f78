// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from "vitest";

import { announcement, SHOWN } from "@/components/search/search-state";
import { initShare } from "@/components/share/share.island";

describe("the search dialog's announcements", () => {
  it("says how many results, for what, within which topic, and how many are shown", () => {
    const results = (total: number) => ({ kind: "results" as const, query: "on-call", total, results: [] });
    expect(announcement(results(0), "")).toBe("No results for “on-call”.");
    expect(announcement(results(1), "Culture")).toBe("1 result for “on-call” in Culture.");
    expect(announcement(results(SHOWN + 5), "")).toBe(
      `${SHOWN + 5} results for “on-call”, showing the first ${SHOWN}.`,
    );
    expect(announcement({ kind: "failed" }, "")).toMatch(/could not load/);
  });
});

const POST = `
<article id="post" data-share-url="https://example.test/blog/a" data-share-title="A title" data-share-text="A dek">
  <div class="share-bar"><ul>
    <li hidden><button type="button" data-share="native">More…</button></li>
    <li hidden><button type="button" data-share="copy">Copy link</button><span role="status"></span></li>
  </ul></div>
  <div class="prose"><h2 id="why">Why<a class="heading-anchor" href="#why">#</a></h2></div>
  <p class="section-link-toast" role="status" data-visible="false"></p>
</article>`;

describe("the share island", () => {
  beforeEach(() => {
    document.body.innerHTML = POST;
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: vi.fn(async () => undefined) },
    });
  });

  it("the head script shows Copy link from the first paint, and the native share only where the browser has one", async () => {
    for (const share of [undefined, async () => undefined]) {
      document.documentElement.className = "";
      Object.defineProperty(navigator, "share", { configurable: true, value: share });
      vi.resetModules();
      await import("@/components/layout/theme-early.island");
      expect(document.documentElement.classList.contains("js")).toBe(true);
      expect(document.documentElement.classList.contains("can-share")).toBe(Boolean(share));
    }
  });

  it("copies the canonical URL and confirms in the live region", async () => {
    initShare(document);
    document.querySelector<HTMLButtonElement>('[data-share="copy"]')!.click();
    await vi.waitFor(() =>
      expect(document.querySelector('[data-share="copy"] + [role=status]')!.textContent).toBe("Copied"),
    );
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith("https://example.test/blog/a");
  });

  it("a section link puts the anchor in the address bar without a history entry and copies the canonical URL", async () => {
    initShare(document);
    const length = history.length;
    document
      .querySelector<HTMLAnchorElement>(".heading-anchor")!
      .dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
    await vi.waitFor(() =>
      expect(document.querySelector(".section-link-toast")!.textContent).toBe("Link to this section copied"),
    );
    expect(location.hash).toBe("#why");
    expect(history.length).toBe(length);
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith("https://example.test/blog/a#why");
  });
});
