/**
 * The scheduling link offered once an enquiry is stored (BOOKING_URL): a plain link to the provider's own page,
 * prefilled so the prospect only picks a time. No provider script runs on this site.
 *
 * Parameters (docs/funnel.md says which documentation each was checked against):
 * - Cal.com: `name`, `email`, `notes` prefill the booking form; `metadata[key]=value` is stored on the booking
 *   and comes back in the webhook as `payload.metadata.key`, which is how the booking finds its enquiry.
 * - Calendly: `name` and `email` prefill; `utm_source`, `utm_medium`, `utm_content` are kept on the invitee
 *   (its tracking). Custom answers (`a1`…) are left out: they fill whatever question the event type asks first.
 * - Any other host: the link as configured, with nothing added (what it accepts is unknown).
 */

export type BookingProvider = "cal" | "calendly" | "other";

export const BOOKING_PROVIDER_NAMES: Record<BookingProvider, string> = {
  cal: "Cal.com",
  calendly: "Calendly",
  other: "the scheduling page",
};

/** The key the enquiry id travels under in Cal.com's booking metadata (and comes back under in its webhook). */
export const ENQUIRY_METADATA_KEY = "enquiryId";

const isHost = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** The provider, from the link's host: cal.com (and app.cal.com, cal.eu …) or calendly.com. */
export function bookingProvider(url: string | URL): BookingProvider {
  const host = new URL(url).hostname.toLowerCase();
  if (isHost(host, "cal.com") || isHost(host, "cal.eu")) return "cal";
  if (isHost(host, "calendly.com")) return "calendly";
  return "other";
}

export type BookingProspect = {
  enquiryId: string;
  name: string;
  email: string;
  /** One line for the booking's notes (Cal.com), e.g. the topic and qualifying answers; never the message. */
  notes?: string;
};

/** Cal.com's notes field is free text; a short line is plenty and keeps the URL well under any length limit. */
const NOTES_MAX = 300;

export function bookingLink(base: string, prospect: BookingProspect): { url: string; provider: BookingProvider } {
  const url = new URL(base);
  const provider = bookingProvider(url);
  const set = (key: string, value: string | undefined) => {
    if (value) url.searchParams.set(key, value);
  };
  if (provider === "cal") {
    set("name", prospect.name);
    set("email", prospect.email);
    set("notes", prospect.notes ? Array.from(prospect.notes).slice(0, NOTES_MAX).join("") : undefined);
    set(`metadata[${ENQUIRY_METADATA_KEY}]`, prospect.enquiryId);
  } else if (provider === "calendly") {
    set("name", prospect.name);
    set("email", prospect.email);
    set("utm_source", "website");
    set("utm_medium", "enquiry");
    set("utm_content", prospect.enquiryId);
  }
  return { url: url.toString(), provider };
}
