import { signWebhookBody } from "@/lib/bookings/webhook";

/**
 * Cal.com webhook deliveries as Cal.com sends them: the default body is `{triggerEvent, createdAt, payload}`
 * (no payload template), application/json, signed in X-Cal-Signature-256 with the hex HMAC-SHA256 of the body.
 * The payload below follows Cal.com's documented booking payload (a subset of its fields, the ones that vary
 * per booking filled in). Used by the tests, the drill and the end-to-end spec.
 */

export type CalBooking = {
  trigger?: string;
  uid: string;
  name: string;
  email: string;
  /** What the prefilled link's `metadata[enquiryId]` became on the booking. */
  enquiryId?: string;
  startTime?: string;
  /** Guests the booker added: Cal.com lists them after the booker in `attendees`. */
  guests?: Array<{ name: string; email: string }>;
  /** BOOKING_RESCHEDULED: the uid of the booking this one replaces (Cal.com's `rescheduleUid`). */
  rescheduleUid?: string;
};

export function calWebhookBody({
  trigger = "BOOKING_CREATED",
  uid,
  name,
  email,
  enquiryId,
  startTime = "2026-12-10T10:00:00.000Z",
  guests = [],
  rescheduleUid,
}: CalBooking): string {
  const end = new Date(new Date(startTime).getTime() + 30 * 60_000).toISOString();
  return JSON.stringify({
    triggerEvent: trigger,
    createdAt: "2026-12-03T09:00:00.000Z",
    payload: {
      type: "30min",
      title: `30 Min Meeting between Nora Castell and ${name}`,
      description: "",
      additionalNotes: "Enquiry about delivery and process",
      customInputs: {},
      startTime,
      endTime: end,
      organizer: {
        id: 1,
        name: "Nora Castell",
        email: "nora@steadystate.example",
        username: "nora",
        timeZone: "Europe/London",
        language: { locale: "en" },
        timeFormat: "h:mma",
        utcOffset: 0,
      },
      responses: {
        name: { label: "your_name", value: name },
        email: { label: "email_address", value: email },
        notes: { label: "additional_notes", value: "Enquiry about delivery and process" },
      },
      userFieldsResponses: {},
      attendees: [{ email, name }, ...guests].map((person) => ({
        ...person,
        timeZone: "Europe/London",
        language: { locale: "en" },
        timeFormat: "h:mma",
        utcOffset: 0,
      })),
      location: "integrations:daily",
      destinationCalendar: null,
      hideCalendarNotes: false,
      requiresConfirmation: null,
      eventTypeId: 7,
      seatsShowAttendees: true,
      seatsPerTimeSlot: null,
      uid,
      conferenceData: null,
      videoCallData: { type: "daily_video", id: "x", password: "", url: "https://app.cal.com/video/x" },
      appsStatus: [],
      eventTitle: "30 Min Meeting",
      eventDescription: null,
      price: 0,
      currency: "usd",
      length: 30,
      bookingId: 91,
      metadata: { videoCallUrl: "https://app.cal.com/video/x", ...(enquiryId ? { enquiryId } : {}) },
      status: trigger === "BOOKING_CANCELLED" ? "CANCELLED" : "ACCEPTED",
      ...(trigger === "BOOKING_CANCELLED" ? { cancellationReason: "Something came up" } : {}),
      ...(rescheduleUid
        ? {
            rescheduleUid,
            rescheduleId: 90,
            rescheduleStartTime: "2026-12-09T10:00:00Z",
            rescheduleEndTime: "2026-12-09T10:30:00Z",
            rescheduledBy: email,
          }
        : {}),
    },
  });
}

/** The headers Cal.com sends with `body`, signed with `secret`. */
export function calWebhookHeaders(secret: string, body: string): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-cal-signature-256": signWebhookBody(secret, body),
    "x-cal-webhook-version": "2021-10-20",
  };
}
