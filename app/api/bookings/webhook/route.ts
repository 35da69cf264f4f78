import { handleBookingWebhook } from "@/lib/bookings/webhook";
import { getContactRuntime } from "@/lib/contact/runtime";
import { getPostBySlug } from "@/lib/content/posts";

/**
 * POST /api/bookings/webhook: Cal.com's BOOKING_CREATED and BOOKING_CANCELLED events, signed with
 * BOOKING_WEBHOOK_SECRET. Without that secret the endpoint does not exist (404). All the work is in lib/bookings.
 */
export async function POST(request: Request): Promise<Response> {
  const runtime = getContactRuntime(getPostBySlug);
  const secret = runtime.env.BOOKING_WEBHOOK_SECRET;
  if (!secret) return new Response("Not found\n", { status: 404, headers: { "cache-control": "no-store" } });
  return handleBookingWebhook(request, {
    secret,
    applyBookingEvent: (event) => runtime.store.applyBookingEvent(event),
    now: () => new Date(),
    log: console,
  });
}
