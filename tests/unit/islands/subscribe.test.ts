// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { send, showAnswer } from "@/components/newsletter/subscribe-send.island";
import { CHECK_INBOX } from "@/lib/newsletter/messages";

const MARKUP = `
<div class="subscribe">
  <form method="post" action="/newsletter/subscribe" class="subscribe-form" data-subscribe>
    <label for="f-email">Your email</label>
    <input id="f-email" name="email" type="email" value="ada@localhost">
    <button type="submit">Subscribe</button>
    <p id="f-error" class="subscribe-form__error" hidden></p>
    <p class="subscribe-form__status" role="status"></p>
  </form>
  <div class="subscribe-done" data-subscribe-done tabindex="-1" hidden>
    <p class="subscribe-done__message" role="status"></p>
  </div>
</div>`;

let form: HTMLFormElement;
beforeEach(() => {
  document.body.innerHTML = MARKUP;
  form = document.querySelector("form")!;
});
afterEach(() => vi.unstubAllGlobals());

describe("a sign-up's answer, shown in place", () => {
  it("a field error: beside the field, which is marked invalid, keeps its value and gets focus", () => {
    showAnswer(form, {
      status: "invalid",
      message: "",
      fieldErrors: { email: "Please enter a valid email" },
      values: {},
    });
    const error = document.querySelector<HTMLElement>(".subscribe-form__error")!;
    const input = document.querySelector("input")!;
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe("Error: Please enter a valid email");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("f-error");
    expect(input.value).toBe("ada@localhost");
    expect(document.activeElement).toBe(input);
  });

  it("a sign-up: the panel replaces the form, says what the server said, and takes focus", () => {
    showAnswer(form, { status: "invalid", message: "", fieldErrors: { email: "x" }, values: {} });
    showAnswer(form, { status: "success", message: CHECK_INBOX, fieldErrors: {}, values: {} });
    const done = document.querySelector<HTMLElement>("[data-subscribe-done]")!;
    expect(form.hidden).toBe(true);
    expect(done.hidden).toBe(false);
    expect(done.textContent?.trim()).toBe(CHECK_INBOX);
    expect(document.activeElement).toBe(done);
    expect(document.querySelector("input")!.hasAttribute("aria-invalid")).toBe(false);
  });

  it("a problem (the store is down): an alert in the form, the form stays", () => {
    showAnswer(form, { status: "error", message: "Sign-ups are paused", fieldErrors: {}, values: {} });
    const status = document.querySelector(".subscribe-form__status")!;
    expect(status.getAttribute("role")).toBe("alert");
    expect(status.textContent).toBe("Sign-ups are paused");
    expect(form.hidden).toBe(false);
  });
});

describe("sending", () => {
  it("posts the form's fields to its action asking for JSON, and shows the answer", async () => {
    const fetchMock = vi.fn(async () =>
      Response.json({ state: { status: "success", message: CHECK_INBOX, fieldErrors: {}, values: {} } }),
    );
    vi.stubGlobal("fetch", fetchMock);
    await send(form);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toMatch(/\/newsletter\/subscribe$/);
    expect(init.method).toBe("POST");
    expect((init.headers as Record<string, string>).accept).toBe("application/json");
    expect((init.body as FormData).get("email")).toBe("ada@localhost");
    expect(form.hidden).toBe(true);
    expect(form.hasAttribute("aria-busy")).toBe(false);
    expect(document.querySelector("button")!.textContent).toBe("Subscribe");
  });

  it("a plain refusal before the route (cross-site, too large) is shown as said", async () => {
    vi.stubGlobal("fetch", async () => new Response("Cross-site form posts are not accepted here.\n", { status: 403 }));
    await send(form);
    expect(document.querySelector(".subscribe-form__status")!.textContent).toBe(
      "Cross-site form posts are not accepted here.",
    );
  });

  it("no connection: says so and keeps what was typed", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await send(form);
    expect(document.querySelector(".subscribe-form__status")!.textContent).toMatch(/could not be sent/);
    expect(document.querySelector("input")!.value).toBe("ada@localhost");
  });
});
