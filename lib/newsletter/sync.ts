import type { NewsletterDeps } from "./deps";

/** Keeping Resend's list in line with ours: one subscriber's contact, after a confirmation or an unsubscribe. */

/** Brings Resend's contact in line with our record (subscribed into the segment, or unsubscribed). */
export async function syncSubscriber(
  id: string,
  deps: Pick<NewsletterDeps, "store" | "provider" | "log">,
): Promise<"synced" | "failed" | "skipped"> {
  const subscriber = await deps.store.get(id);
  if (!subscriber || (subscriber.syncState !== "due" && subscriber.syncState !== "failed")) return "skipped";
  const result =
    subscriber.status === "confirmed"
      ? await deps.provider.subscribeContact(subscriber.email)
      : subscriber.status === "unsubscribed"
        ? await deps.provider.unsubscribeContact(subscriber.email)
        : null;
  if (!result) return "skipped";
  if (result.ok) {
    await deps.store.markSynced(id, {
      status: subscriber.status,
      providerContactId: typeof result.value === "string" ? result.value : null,
    });
    return "synced";
  }
  await deps.store.markSyncFailed(id, result.error);
  deps.log.warn(
    `[newsletter] Subscriber ${id} is ${subscriber.status} here but not yet in Resend: ${result.error}. npm run newsletter:retry syncs it.`,
  );
  return "failed";
}
