import { describe, expect, it } from "vitest";

import { bookingLink, bookingProvider } from "@/lib/bookings/link";

const prospect = {
  enquiryId: "0b9f3c1e-9a52-4c1b-8a55-1f4c2f1c9d10",
  name: "Ada Lovelace",
  email: "ada+team@example.com",
  notes: "Enquiry about delivery and process (40–100 engineers, this quarter)",
};

describe("bookingProvider", () => {
  it("tells Cal.com and Calendly apart by host, and anything else is other", () => {
    expect(bookingProvider("https://cal.com/nora/30min")).toBe("cal");
    expect(bookingProvider("https://app.cal.com/nora/30min")).toBe("cal");
    expect(bookingProvider("https://calendly.com/nora/30min")).toBe("calendly");
    expect(bookingProvider("https://NORA.calendly.com/x")).toBe("calendly");
    expect(bookingProvider("https://evilcal.com/nora")).toBe("other");
    expect(bookingProvider("https://cal.com.example.net/nora")).toBe("other");
    expect(bookingProvider("https://tidycal.com/nora/30")).toBe("other");
  });
});

describe("bookingLink", () => {
  it("prefills Cal.com's name, email and notes and carries the enquiry id as booking metadata", () => {
    const { url, provider } = bookingLink("https://cal.com/nora/30min?duration=30", prospect);
    expect(provider).toBe("cal");
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe("https://cal.com/nora/30min");
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      duration: "30",
      name: "Ada Lovelace",
      email: "ada+team@example.com",
      notes: prospect.notes,
      "metadata[enquiryId]": prospect.enquiryId,
    });
    // Encoded, so a "+" in the address stays a "+" and not a space.
    expect(url).toContain("email=ada%2Bteam%40example.com");
  });

  it("prefills Calendly's name and email and tracks the enquiry id in utm_content", () => {
    const { url, provider } = bookingLink("https://calendly.com/nora/30min", prospect);
    expect(provider).toBe("calendly");
    expect(Object.fromEntries(new URL(url).searchParams)).toEqual({
      name: "Ada Lovelace",
      email: "ada+team@example.com",
      utm_source: "website",
      utm_medium: "enquiry",
      utm_content: prospect.enquiryId,
    });
  });

  it("adds nothing to a link on another host: what it would do with the parameters is unknown", () => {
    expect(bookingLink("https://tidycal.com/nora/30", prospect).url).toBe("https://tidycal.com/nora/30");
  });

  it("cuts long notes to 300 characters", () => {
    const { url } = bookingLink("https://cal.com/nora/30min", { ...prospect, notes: "n".repeat(5_000) });
    expect(new URL(url).searchParams.get("notes")).toHaveLength(300);
  });
});
