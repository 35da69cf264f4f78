// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";

import { initThemeToggle } from "@/components/layout/theme-toggle.island";
import { applyStoredTheme, currentTheme, THEME_STORAGE_KEY, toggleTheme } from "@/components/layout/theme-state";

beforeEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
  document.body.innerHTML = '<button type="button" data-theme-toggle aria-label="Dark theme"></button>';
});

describe("the theme", () => {
  it("applies a stored choice before first paint, and ignores anything else stored", () => {
    localStorage.setItem(THEME_STORAGE_KEY, "dark");
    applyStoredTheme();
    expect(document.documentElement.dataset.theme).toBe("dark");
    delete document.documentElement.dataset.theme;
    localStorage.setItem(THEME_STORAGE_KEY, "purple");
    applyStoredTheme();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it("survives storage that throws (a sandbox, private mode)", () => {
    const throwing = {
      getItem: () => {
        throw new Error("denied");
      },
    } as unknown as Storage;
    expect(() => applyStoredTheme(document, throwing)).not.toThrow();
  });

  it("flips and remembers the choice", () => {
    const before = currentTheme();
    const after = toggleTheme();
    expect(after).not.toBe(before);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe(after);
    expect(currentTheme()).toBe(after);
  });
});

describe("the toggle island", () => {
  it("says which theme is on, and a click on the button (or inside it) flips it", () => {
    initThemeToggle(document);
    const button = document.querySelector("button")!;
    const start = button.getAttribute("aria-pressed");
    expect(start === "true" || start === "false").toBe(true);
    button.innerHTML = "<svg><path></path></svg>";
    button.querySelector("path")!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(button.getAttribute("aria-pressed")).toBe(start === "true" ? "false" : "true");
    expect(button.title).toMatch(/^Switch to (light|dark) theme$/);
    // A header rendered again (React on an App Router page) is still a toggle: the listener is on the document.
    document.body.innerHTML = '<button type="button" data-theme-toggle aria-label="Dark theme"></button>';
    document.querySelector("button")!.click();
    expect(document.querySelector("button")!.getAttribute("aria-pressed")).toBe(start);
  });
});
