import { describe, expect, it } from "vitest";

import {
  clientBuckets,
  decide,
  keepSpamVerbatim,
  normaliseAddress,
  policyFor,
  type Counts,
} from "@/lib/contact/policy";

const policy = policyFor("enquiry");
const none: Counts = { client: 0, network: 0, address: 0, ownerEmails: 0, storedRows: 0 };

describe("normaliseAddress", () => {
  it("lower-cases and removes the plus-tag", () => {
    expect(normaliseAddress(" Ada+Work@Example.COM ")).toBe("ada@example.com");
    expect(normaliseAddress("ada+1@example.com")).toBe(normaliseAddress("ada+2@example.com"));
  });

  it("removes dots for Gmail-style domains only, and treats googlemail as gmail", () => {
    expect(normaliseAddress("Ada.Love.Lace+x@googlemail.com")).toBe("adalovelace@gmail.com");
    expect(normaliseAddress("ada.lovelace@example.com")).toBe("ada.lovelace@example.com");
  });

  it("folds the aliases of providers that have them: Proton's domains and ignored characters", () => {
    const proton = normaliseAddress("alice.jones@proton.me");
    for (const alias of ["alicejones@protonmail.com", "Alice_Jones+news@pm.me", "alice-jones@protonmail.ch"])
      expect(normaliseAddress(alias), alias).toBe(proton);
    expect(proton).toBe("alicejones@proton.me");
  });

  it("folds Fastmail's subdomain addressing and iCloud's older domains", () => {
    expect(normaliseAddress("anything@alice.fastmail.com")).toBe("alice@fastmail.com");
    expect(normaliseAddress("alice+shop@fastmail.com")).toBe("alice@fastmail.com");
    expect(normaliseAddress("x@alice.fastmail.fm")).toBe("alice@fastmail.fm");
    expect(normaliseAddress("ada@me.com")).toBe(normaliseAddress("ada+x@icloud.com"));
    expect(normaliseAddress("ada@mac.com")).toBe("ada@icloud.com");
    // Dots stay meaningful where the provider keeps them.
    expect(normaliseAddress("a.da@icloud.com")).not.toBe(normaliseAddress("ada@icloud.com"));
    expect(normaliseAddress("a.da@fastmail.com")).not.toBe(normaliseAddress("ada@fastmail.com"));
  });

  it("leaves a leading plus alone (not a tag) and tolerates odd input", () => {
    expect(normaliseAddress("+ada@example.com")).toBe("+ada@example.com");
    expect(normaliseAddress("no-at-sign")).toBe("no-at-sign");
  });
});

describe("clientBuckets", () => {
  it("an IPv4 address is its own bucket, in its /24's network; ports and mapped forms are unwrapped", () => {
    expect(clientBuckets("203.0.113.7:51234")).toEqual({ client: "203.0.113.7", network: "203.0.113.0/24" });
    expect(clientBuckets("::ffff:203.0.113.7")).toEqual({ client: "203.0.113.7", network: "203.0.113.0/24" });
    expect(clientBuckets("203.0.114.7")!.network).not.toBe(clientBuckets("203.0.113.7")!.network);
  });

  it("IPv6 counts per /64 and per /48, so rotating through a subscriber's addresses or /64s does not escape", () => {
    const a = clientBuckets("2001:db8:85a3:1234:0:8a2e:370:7334")!;
    expect(a).toEqual({ client: "2001:db8:85a3:1234::/64", network: "2001:db8:85a3::/48" });
    expect(clientBuckets("2001:db8:85a3:1234:ffff::1")!.client).toBe(a.client);
    const sibling = clientBuckets("[2001:db8:85a3:99::1]:443")!;
    expect(sibling.client).not.toBe(a.client);
    expect(sibling.network).toBe(a.network);
  });

  it("is null for anything that is not an address", () => {
    expect(clientBuckets("not-an-ip")).toBeNull();
    expect(clientBuckets("")).toBeNull();
    expect(clientBuckets(null)).toBeNull();
  });
});

describe("decide", () => {
  it("acts on a real-looking submission while every count is under its rule", () => {
    expect(decide(none, policy)).toEqual({ act: true });
    expect(decide({ ...none, client: policy.perClient.max - 1, address: policy.perAddress.max - 1 }, policy)).toEqual({
      act: true,
    });
  });

  it("holds (never refuses) once a count reaches its rule, naming the first rule that tripped", () => {
    expect(decide({ ...none, client: policy.perClient.max }, policy)).toEqual({ act: false, held: "client" });
    expect(decide({ ...none, network: policy.perNetwork.max }, policy)).toEqual({ act: false, held: "network" });
    expect(decide({ ...none, address: policy.perAddress.max }, policy)).toEqual({ act: false, held: "address" });
    expect(decide({ ...none, ownerEmails: policy.ownerEmails.max }, policy)).toEqual({
      act: false,
      held: "owner-emails",
    });
  });

  it("holds a sign-up once the hour's emails to typed addresses reach the budget; enquiries do not count them here", () => {
    const signup = policyFor("signup");
    expect(decide({ ...none, addressEmails: signup.addressEmails.max - 1 }, signup)).toEqual({ act: true });
    expect(decide({ ...none, addressEmails: signup.addressEmails.max }, signup)).toEqual({
      act: false,
      held: "address-emails",
    });
    expect(decide(none, signup)).toEqual({ act: true });
  });

  it("an unknown client has no bucket to fill", () => {
    expect(decide({ ...none, client: null, network: null }, policy)).toEqual({ act: true });
  });

  it("rows stored never hold a real-looking submission: the row cap is for spam", () => {
    expect(decide({ ...none, storedRows: policy.storedRows.max * 10 }, policy)).toEqual({ act: true });
  });
});

describe("keepSpamVerbatim", () => {
  it("keeps a sample of spam, then only counts it, and stops keeping any once the hour's row cap is reached", () => {
    expect(keepSpamVerbatim({ spamRows: 0, storedRows: 0 }, policy)).toBe(true);
    expect(keepSpamVerbatim({ spamRows: policy.spamRows.max, storedRows: 0 }, policy)).toBe(false);
    expect(keepSpamVerbatim({ spamRows: 0, storedRows: policy.storedRows.max }, policy)).toBe(false);
  });

  it("keeps at most the per-network share of the sample from one network", () => {
    const max = policy.spamRowsPerNetwork.max;
    expect(keepSpamVerbatim({ spamRows: 0, storedRows: 0, spamFromNetwork: max - 1 }, policy)).toBe(true);
    expect(keepSpamVerbatim({ spamRows: 0, storedRows: 0, spamFromNetwork: max }, policy)).toBe(false);
  });
});

describe("policyFor", () => {
  it("lets an operator raise the site-wide owner-email cap, and nothing else", () => {
    const raised = policyFor("enquiry", { ownerEmailsPerHour: 200 });
    expect(raised.ownerEmails).toEqual({ max: 200, windowMs: 60 * 60_000 });
    expect({ ...raised, ownerEmails: policy.ownerEmails }).toEqual(policy);
    expect(decide({ ...none, ownerEmails: policy.ownerEmails.max }, raised)).toEqual({ act: true });
  });
});

describe("the policy's numbers", () => {
  it("keep the spam sample inside the row cap, and the caps above what real prospects need", () => {
    for (const kind of ["enquiry", "signup"] as const) {
      const rules = policyFor(kind);
      expect(rules.spamRows.max).toBeLessThan(rules.storedRows.max);
      expect(rules.perClient.max).toBeGreaterThanOrEqual(3);
      expect(rules.ownerEmails.max).toBeGreaterThan(rules.perClient.max);
      expect(rules.heldDigestEveryMs).toBeGreaterThanOrEqual(60 * 60_000);
    }
  });
});
