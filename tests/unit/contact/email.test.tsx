import { describe, expect, it } from "vitest";

import { sendAcknowledgementEmail } from "@/lib/contact/email";
import { renderEnquiryEmail } from "@/lib/contact/enquiry-email";
import { enquirySubject, sanitiseSubject } from "@/lib/contact/subject";
import type { Mailer, OutgoingEmail } from "@/lib/email/mailer";
import { absoluteUrl } from "@/lib/site";

const enquiry = {
  id: "0b9f3c1e-9a52-4c1b-8a55-1f4c2f1c9d10",
  createdAt: "2025-11-03T09:30:00.000Z",
  name: "Ada Lovelace",
  email: "ada@example.com",
  company: "Analytical Engines Ltd",
  topic: "delivery-process",
  message: "Our releases keep slipping.\nThe team is tired.",
};

describe("subject", () => {
  it("is New enquiry: <topic> — <name>", () => {
    expect(enquirySubject(enquiry)).toBe("New enquiry: Delivery and process — Ada Lovelace");
  });

  it("leads with the qualifying answers when there are any, in form order", () => {
    expect(enquirySubject({ ...enquiry, teamSize: "40-100", timeline: "this-quarter" })).toBe(
      "Enquiry — 40–100 engineers, this quarter — Delivery and process — Ada Lovelace",
    );
    expect(enquirySubject({ ...enquiry, helpKind: "review", teamSize: "250-plus", timeline: null })).toBe(
      "Enquiry — 250+ engineers, a review — Delivery and process — Ada Lovelace",
    );
  });

  it("removes CR/LF and other controls, so nothing can be injected into the headers", () => {
    const subject = enquirySubject({ topic: "delivery-process", name: "Ada\r\nBcc: victim@example.com\u0000\u2028x" });
    expect(subject).toBe("New enquiry: Delivery and process — Ada Bcc: victim@example.com x");
    expect(subject).not.toMatch(/[\r\n\u0000\u2028]/);
  });

  it("collapses runs of whitespace and caps the length with an ellipsis", () => {
    expect(sanitiseSubject("  a \t\t b  ")).toBe("a b");
    const long = sanitiseSubject(`New enquiry: Something else — ${"N".repeat(300)}`);
    expect(Array.from(long)).toHaveLength(150);
    expect(long.endsWith("…")).toBe(true);
    expect(sanitiseSubject("short", 150)).toBe("short");
  });

  it("does not split a character made of two UTF-16 units when it cuts", () => {
    const cut = sanitiseSubject("🙂".repeat(200), 10);
    expect(Array.from(cut)).toEqual([...Array(9).fill("🙂"), "…"]);
  });
});

describe("enquiry email template", () => {
  const hostile = {
    ...enquiry,
    name: `<img src=x onerror="alert('name')">`,
    company: `"><svg onload=alert(1)>`,
    message: `Hello <script>alert("xss")</script> and <img src=x onerror=alert(2)> & <a href="javascript:alert(3)">click</a>`,
  };

  it("escapes everything the prospect typed: it arrives as text, never markup", async () => {
    const { html, text } = await renderEnquiryEmail({ enquiry: hostile });
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<svg");
    expect(html).not.toMatch(/<a[^>]+href="javascript:/);
    expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(&#x27;name&#x27;)&quot;&gt;");
    expect(html).toContain("&amp; &lt;a href=&quot;javascript:alert(3)&quot;&gt;");
    // The plain-text part carries the words as typed (it is not HTML).
    expect(text).toContain(`<script>alert("xss")</script>`);
  });

  it("keeps the message's line breaks in both parts", async () => {
    const { html, text } = await renderEnquiryEmail({
      enquiry: { ...enquiry, message: "First line.\nSecond line.\n\nAfter a blank line." },
    });
    expect(html).toMatch(/First line\.<br\/?>Second line\.<br\/?><br\/?>After a blank line\./);
    expect(text).toContain("First line.\nSecond line.\n\nAfter a blank line.");
  });

  it("names the source article with its title and absolute URL", async () => {
    const { html, text } = await renderEnquiryEmail({
      enquiry,
      source: { title: "Code Review Is a Conversation, Not a Gate", url: "/blog/code-review" },
    });
    const url = absoluteUrl("/blog/code-review");
    expect(url).toMatch(/^https?:\/\/.+\/blog\/code-review$/);
    expect(html).toContain("Code Review Is a Conversation, Not a Gate");
    expect(html).toContain(`href="${url}"`);
    expect(text).toContain(url);
  });

  it("says when there was no article, and includes every field and the enquiry id", async () => {
    const { html, text, subject } = await renderEnquiryEmail({ enquiry });
    expect(subject).toBe("New enquiry: Delivery and process — Ada Lovelace");
    expect(text).toContain("The contact page directly (no article)");
    for (const value of [
      "Ada Lovelace",
      "ada@example.com",
      "Analytical Engines Ltd",
      "Delivery and process",
      "Our releases keep slipping.",
      enquiry.id,
    ]) {
      expect(text).toContain(value);
    }
    expect(text).toContain("Monday, 3 November 2025 at 09:30 UTC");
    expect(html).toContain('href="mailto:ada@example.com"');
  });
});

describe("acknowledgement", () => {
  it("is a fixed text that repeats nothing the sender typed", async () => {
    const sent: OutgoingEmail[] = [];
    const mailer: Mailer = {
      description: "capture",
      send: async (email) => (sent.push(email), { ok: true, id: null, where: "memory" }),
    };
    await sendAcknowledgementEmail(
      { id: enquiry.id, email: "stranger@example.com" },
      { from: "Site <hello@example.com>", to: "owner@example.com", mailer },
    );
    expect(sent).toHaveLength(1);
    const [ack] = sent;
    expect(ack!.to).toBe("stranger@example.com");
    expect(ack!.replyTo).toBe("owner@example.com");
    expect(ack!.idempotencyKey).toBe(`ack-${enquiry.id}`);
    expect(ack!.subject).toBe("Thanks for getting in touch — Nora Castell");
    expect(ack!.text).toContain("within two working days");
    // The function receives only an id and an address: no name, message or company can reach the stranger.
    for (const value of [enquiry.name, enquiry.message, enquiry.company]) {
      expect(ack!.html).not.toContain(value);
      expect(ack!.text).not.toContain(value);
    }
  });
});
