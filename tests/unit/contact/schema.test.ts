import { describe, expect, it } from "vitest";

import {
  EnquirySchema,
  fieldErrorsOf,
  findControlCharacter,
  LIMITS,
  messageLength,
  qualifyingSummary,
  validateField,
} from "@/lib/contact/schema";
import { site } from "@/lib/site";

const valid = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  company: "Analytical Engines Ltd",
  topic: "delivery-process",
  message: "Our releases keep slipping and the team is tired.",
};

function errorsFor(input: Record<string, unknown>) {
  const result = EnquirySchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("EnquirySchema", () => {
  it("accepts a complete enquiry, trims every field and strips unknown keys", () => {
    const result = EnquirySchema.parse({
      name: "  Ada Lovelace ",
      email: " ada@example.com\t",
      company: " Analytical Engines Ltd ",
      topic: "delivery-process",
      message: "\n  Our releases keep slipping and the team is tired.  \n",
      source: "code-review-is-a-conversation-not-a-gate",
      isAdmin: true,
      website: "http://spam.example",
    });
    expect(result).toEqual({
      name: "Ada Lovelace",
      email: "ada@example.com",
      company: "Analytical Engines Ltd",
      topic: "delivery-process",
      message: "Our releases keep slipping and the team is tired.",
      source: "code-review-is-a-conversation-not-a-gate",
    });
  });

  describe("name", () => {
    it("is required (whitespace alone is empty)", () => {
      expect(errorsFor({ ...valid, name: "   " }).name).toBe("Please tell me your name");
      expect(errorsFor({ ...valid, name: undefined }).name).toBe("Please tell me your name");
    });

    it("allows 1 to 100 characters", () => {
      expect(errorsFor({ ...valid, name: "A" }).name).toBeUndefined();
      expect(errorsFor({ ...valid, name: "x".repeat(LIMITS.name.max) }).name).toBeUndefined();
      expect(errorsFor({ ...valid, name: "x".repeat(LIMITS.name.max + 1) }).name).toMatch(/under 100 characters/);
    });

    it.each([
      "Zoë Ñúñez",
      "李小龍",
      "Nguyễn Thị Minh Khai",
      "Siobhán O'Brien-Smith",
      "Łukasz Żółć",
      "محمد علي",
      "Ana 🙂",
    ])("accepts the unicode name %s", (name) => {
      expect(EnquirySchema.safeParse({ ...valid, name }).success).toBe(true);
    });

    it("normalises to NFC, so the same name is stored one way", () => {
      const decomposed = "Zoe\u0308"; // e + combining diaeresis
      expect(EnquirySchema.parse({ ...valid, name: decomposed }).name).toBe("Zoë");
    });

    it.each([
      ["a newline", "Ada\nBcc: victim@example.com"],
      ["a carriage return", "Ada\rLovelace"],
      ["a tab", "Ada\tLovelace"],
      ["NUL", "Ada\u0000"],
      ["ESC", "Ada\u001b[31m"],
      ["DEL", "Ada\u007f"],
      ["a C1 control", "Ada\u0085"],
      ["a line separator", "Ada\u2028Lovelace"],
    ])("rejects %s", (_label, name) => {
      expect(errorsFor({ ...valid, name }).name).toMatch(/on one line/);
    });
  });

  describe("email", () => {
    it("is required", () => {
      expect(errorsFor({ ...valid, email: "" }).email).toBe("Please enter your email address so I can reply");
    });

    it.each([
      "ada",
      "ada@",
      "@example.com",
      "ada@example",
      "ada lovelace@example.com",
      "ada@@example.com",
      "ada@exa mple.com",
    ])("rejects %s", (email) => {
      expect(errorsFor({ ...valid, email }).email).toBe("Please enter a valid email address, like name@company.com");
    });

    it("allows at most 254 characters", () => {
      const domain = "@example.com";
      const at254 = `${"a".repeat(64)}.${"b".repeat(254 - 65 - domain.length)}${domain}`;
      expect(at254).toHaveLength(254);
      expect(errorsFor({ ...valid, email: at254 }).email).toBeUndefined();
      expect(errorsFor({ ...valid, email: `a${at254}` }).email).toBe("An email address can be at most 254 characters");
    });

    it("accepts plus addressing and subdomains", () => {
      expect(EnquirySchema.parse({ ...valid, email: "Ada.L+cto@mail.example.co.uk" }).email).toBe(
        "Ada.L+cto@mail.example.co.uk",
      );
    });
  });

  describe("company", () => {
    it("is optional: missing or empty becomes undefined", () => {
      expect(EnquirySchema.parse({ ...valid, company: undefined }).company).toBeUndefined();
      expect(EnquirySchema.parse({ ...valid, company: "   " }).company).toBeUndefined();
    });

    it("allows at most 120 characters, on one line", () => {
      expect(errorsFor({ ...valid, company: "c".repeat(120) }).company).toBeUndefined();
      expect(errorsFor({ ...valid, company: "c".repeat(121) }).company).toMatch(/under 120 characters/);
      expect(errorsFor({ ...valid, company: "Acme\r\nInc" }).company).toMatch(/on one line/);
    });
  });

  describe("topic", () => {
    it.each(site.contactTopics.map((topic) => topic.value))("accepts the site topic %s", (topic) => {
      expect(errorsFor({ ...valid, topic }).topic).toBeUndefined();
    });

    it.each(["", "sales", "DELIVERY-PROCESS", undefined])("rejects %s", (topic) => {
      expect(errorsFor({ ...valid, topic }).topic).toBe("Please choose what you would like to talk about");
    });
  });

  describe("message", () => {
    it("is required", () => {
      expect(errorsFor({ ...valid, message: " \n " }).message).toBe("Please write a short message");
    });

    it("needs 20 to 5,000 characters, counted after trimming", () => {
      expect(errorsFor({ ...valid, message: "x".repeat(19) }).message).toMatch(/at least 20 characters/);
      expect(errorsFor({ ...valid, message: `   ${"x".repeat(19)}   ` }).message).toMatch(/at least 20 characters/);
      expect(errorsFor({ ...valid, message: "x".repeat(20) }).message).toBeUndefined();
      expect(errorsFor({ ...valid, message: "x".repeat(5_000) }).message).toBeUndefined();
      expect(errorsFor({ ...valid, message: "x".repeat(5_001) }).message).toMatch(/under 5,000 characters/);
    });

    it("keeps newlines and stores CRLF (as browsers submit it) as LF, counting each once", () => {
      const typed = `${"a".repeat(2_499)}\r\n${"b".repeat(2_500)}`; // 5,001 UTF-16 units raw, 5,000 normalised
      const parsed = EnquirySchema.parse({ ...valid, message: typed });
      expect(parsed.message).toBe(`${"a".repeat(2_499)}\n${"b".repeat(2_500)}`);
      expect(messageLength(typed)).toBe(5_000);
    });

    it.each([
      ["a tab", "Please see the table:\tcolumns"],
      ["NUL", "Hello, this has a NUL \u0000 inside"],
      ["ESC (terminal colours)", "Hello, this is \u001b[31mred\u001b[0m text"],
      ["a bell", "Hello there, can we talk \u0007 soon?"],
      ["DEL", "Hello there, can we talk \u007f soon?"],
      ["a C1 control", "Hello there, can we talk \u0085 soon?"],
    ])("rejects %s", (_label, message) => {
      expect(errorsFor({ ...valid, message }).message).toMatch(/invisible control character/);
    });
  });

  describe("qualifying questions", () => {
    it("are optional: missing or empty means not answered", () => {
      const result = EnquirySchema.parse({ ...valid, teamSize: "", timeline: undefined });
      expect(result.teamSize).toBeUndefined();
      expect(result.timeline).toBeUndefined();
      expect(result.helpKind).toBeUndefined();
    });

    it("accept every choice lib/site.ts offers, and nothing else", () => {
      for (const question of ["teamSize", "timeline", "helpKind"] as const) {
        for (const option of site.qualifying[question].options) {
          expect(EnquirySchema.parse({ ...valid, [question]: option.value })[question]).toBe(option.value);
        }
        expect(errorsFor({ ...valid, [question]: "lots" })[question]).toContain(site.qualifying[question].label);
        expect(errorsFor({ ...valid, [question]: 42 })[question]).toBeDefined();
      }
    });

    it("read as the subject line wording, in form order", () => {
      expect(qualifyingSummary({ helpKind: "workshop", teamSize: "10-40", timeline: "exploring" })).toBe(
        "10–40 engineers, just exploring, a workshop",
      );
      expect(qualifyingSummary({ teamSize: null })).toBe("");
    });
  });

  describe("source", () => {
    it("keeps a slug and silently drops anything else (never an error)", () => {
      expect(EnquirySchema.parse({ ...valid, source: "on-call-that-works" }).source).toBe("on-call-that-works");
      for (const source of ["../etc/passwd", "Foo Bar", "<script>", "a".repeat(201), 42, ""]) {
        const result = EnquirySchema.safeParse({ ...valid, source });
        expect(result.success).toBe(true);
        expect(result.data?.source).toBeUndefined();
      }
    });
  });

  it("reports the first problem of every invalid field", () => {
    expect(Object.keys(errorsFor({ name: "", email: "x", company: "c".repeat(200), topic: "", message: "" }))).toEqual([
      "name",
      "email",
      "company",
      "topic",
      "message",
    ]);
  });

  it("validates one field on its own with the same messages", () => {
    expect(validateField("email", "nope")).toBe("Please enter a valid email address, like name@company.com");
    expect(validateField("email", "ada@example.com")).toBeUndefined();
    expect(validateField("company", "")).toBeUndefined();
  });
});

describe("findControlCharacter", () => {
  it("finds controls and lets newlines through only when asked", () => {
    expect(findControlCharacter("plain text")).toBeUndefined();
    expect(findControlCharacter("line\nbreak")).toBe("\n");
    expect(findControlCharacter("line\nbreak", { allowNewline: true })).toBeUndefined();
    expect(findControlCharacter("emoji 🙂 and accents é", { allowNewline: true })).toBeUndefined();
  });
});

describe("text damaged by invalid UTF-8", () => {
  it("refuses U+FFFD (what a decoder puts where the bytes were not UTF-8) in name, company and message", () => {
    expect(errorsFor({ ...valid, name: "Ad\uFFFD Lovelace" }).name).toMatch(/could not be read/);
    expect(errorsFor({ ...valid, company: "Analytical \uFFFD Engines" }).company).toMatch(/could not be read/);
    expect(errorsFor({ ...valid, message: `${valid.message} \uFFFD\uFFFD` }).message).toMatch(/could not be read/);
    expect(errorsFor({ ...valid, email: "ada\uFFFD@example.com" }).email).toBeDefined();
    expect(EnquirySchema.safeParse({ ...valid, name: "Zoë Ångström-Ødegård 李" }).success).toBe(true);
  });
});

describe("invisible characters", () => {
  const valid = {
    name: "Ada Lovelace",
    email: "ada@example.com",
    topic: "delivery-process",
    message: "Our releases keep slipping and the team is tired.",
  };
  const errors = (input: Record<string, string>) => {
    const result = EnquirySchema.safeParse({ ...valid, ...input });
    return result.success ? {} : fieldErrorsOf(result.error);
  };

  it("refuses bidirectional controls anywhere, with a clear message (a reversed subject line)", () => {
    for (const char of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      expect(errors({ name: `Ada ${char}ecalevol` }).name).toBe(
        "Your name contains an invisible formatting character (often from a copy and paste); please retype it",
      );
      expect(errors({ company: `Acme${char}` }).company).toMatch(/invisible formatting character/);
      expect(errors({ message: `${valid.message} ${char}hidden` }).message).toMatch(
        /^Your message contains an invisible formatting character/,
      );
    }
  });

  it("refuses zero-width characters, but lets joiners through in a message (Persian words, emoji sequences)", () => {
    for (const char of ["\u200B", "\u200E", "\u200F", "\uFEFF"]) {
      expect(errors({ name: `Ad${char}a` }).name).toMatch(/invisible/);
      expect(errors({ message: `${valid.message}${char}x` }).message).toMatch(/invisible/);
    }
    expect(errors({ name: "Ad\u200Da" }).name).toMatch(/invisible/);
    expect(errors({ email: "ada\u200B@example.com" }).email).toMatch(/invisible|valid email/);
    expect(errors({ message: `${valid.message} می\u200Cخواهم 👨\u200D👩\u200D👧` })).toEqual({});
  });
});
