import { registerIsland } from "@/components/islands/dom";
import type { SubscribeState } from "@/lib/newsletter/state";

/**
 * Sends a sign-up form with JavaScript (loaded by subscribe.island.ts when a reader first focuses or submits a
 * form): the same post as without (to the form's `action`), asking for JSON, and the answer shown in place: a
 * field error beside the field (focus there, the typed address kept), a problem in the form's status, or, after
 * a sign-up, the panel that replaces the form (focus on it).
 */

const FALLBACK = "The sign-up could not be sent. Check your connection and try again.";

function showError(form: HTMLFormElement, message: string | undefined): void {
  const input = form.querySelector<HTMLInputElement>('input[name="email"]')!;
  const error = form.querySelector<HTMLElement>(".subscribe-form__error")!;
  error.hidden = !message;
  error.replaceChildren(
    ...(message
      ? [
          Object.assign(document.createElement("span"), { className: "visually-hidden", textContent: "Error: " }),
          message,
        ]
      : []),
  );
  if (message) {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", error.id);
    input.focus();
  } else {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }
}

function showProblem(form: HTMLFormElement, message: string): void {
  const status = form.querySelector<HTMLElement>(".subscribe-form__status")!;
  status.setAttribute("role", message ? "alert" : "status");
  status.classList.toggle("subscribe-form__status--problem", Boolean(message));
  status.textContent = message;
}

/** Shows an answer of the sign-up route in the form it came from. */
export function showAnswer(form: HTMLFormElement, state: SubscribeState): void {
  showError(form, state.fieldErrors.email);
  showProblem(form, state.status === "error" ? state.message : "");
  if (state.status !== "success") return;
  const done = form.parentElement?.querySelector<HTMLElement>("[data-subscribe-done]");
  if (!done) return;
  form.hidden = true;
  done.hidden = false;
  done.querySelector(".subscribe-done__message")!.textContent = state.message;
  done.focus();
}

export async function send(form: HTMLFormElement): Promise<void> {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const label = button.textContent;
  form.setAttribute("aria-busy", "true");
  button.setAttribute("aria-disabled", "true");
  button.textContent = "Subscribing…";
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { accept: "application/json" },
    });
    const type = response.headers.get("content-type") ?? "";
    if (!type.includes("application/json")) {
      // A refusal before the route (too large, cross-site) is a plain sentence: show it.
      const text = (await response.text()).trim();
      showError(form, undefined);
      showProblem(form, response.ok || !text ? FALLBACK : text);
      return;
    }
    showAnswer(form, ((await response.json()) as { state: SubscribeState }).state);
  } catch {
    showProblem(form, FALLBACK);
  } finally {
    form.removeAttribute("aria-busy");
    button.removeAttribute("aria-disabled");
    button.textContent = label;
  }
}

registerIsland(import.meta.url, { send, showAnswer });
