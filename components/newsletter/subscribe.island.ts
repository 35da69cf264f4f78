import { closestTarget, loadIsland } from "@/components/islands/dom";

/**
 * The sign-up forms with JavaScript: one delegated listener for every form on the page. The code that sends a
 * form and shows its answer (subscribe-send.island.ts) is a module of its own, fetched when a reader first
 * focuses a form's field, so it is there by the time they submit and costs the page nothing until then.
 */

declare const SUBSCRIBE_SEND_MODULE: string;

type SendModule = typeof import("./subscribe-send.island");

function loadSend(): Promise<SendModule> {
  return loadIsland<SendModule>(SUBSCRIBE_SEND_MODULE);
}

export function initSubscribe(doc: Document = document): void {
  doc.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("form[data-subscribe]")) return;
    event.preventDefault();
    if (form.getAttribute("aria-busy") === "true") return;
    form.setAttribute("aria-busy", "true");
    loadSend()
      .then((module) => module.send(form))
      // The module could not load (offline, a deploy in between): post the form the way it works without JavaScript.
      .catch(() => HTMLFormElement.prototype.submit.call(form));
  });
  doc.addEventListener("focusin", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.closest("form[data-subscribe]"))
      void loadSend().catch(() => {});
  });
  doc.addEventListener("click", (event) => {
    // "Use another address": the form again, empty, in place of the panel.
    const again = closestTarget<HTMLAnchorElement>(event, "[data-subscribe-again]");
    const done = again?.closest<HTMLElement>("[data-subscribe-done]");
    const form = done?.parentElement?.querySelector<HTMLFormElement>("form[data-subscribe]");
    if (!again || !done || !form) return;
    event.preventDefault();
    done.hidden = true;
    form.hidden = false;
    const input = form.querySelector<HTMLInputElement>('input[name="email"]')!;
    input.value = "";
    input.focus();
  });
}
