import { describe, expect, it } from "vitest";

import { createFormSigner, type FormSecret } from "@/lib/contact/secret";
import { checkSpam, signFormToken } from "@/lib/contact/spam";

/**
 * The contact form's secret when CONTACT_FORM_SECRET is not set and the database that keeps the shared one
 * cannot be read: the form is still signed (with a key of this process), so /contact renders and its answer
 * is "could not be saved… email me" instead of an error page; and a form signed then stays valid afterwards.
 */

function database() {
  let stored: string | undefined;
  let down = true;
  const calls = { count: 0 };
  return {
    calls,
    up: () => void (down = false),
    down: () => void (down = true),
    stored: () => stored,
    shared: async (candidate: string): Promise<FormSecret> => {
      calls.count += 1;
      if (down) throw new Error("Could not read a shared setting in the enquiry database: SQLITE_CANTOPEN");
      stored ??= candidate;
      return { secret: stored, source: "database" };
    },
  };
}

describe("createFormSigner", () => {
  it("signs with a process key while the database is down, with one warning, asking the database again later", async () => {
    const db = database();
    const warnings: string[] = [];
    let clock = 1_000_000;
    const signer = createFormSigner(db.shared, {
      now: () => clock,
      retryMs: 15_000,
      log: { warn: (line) => warnings.push(line) },
    });
    const first = await signer.current();
    expect(first.source).toBe("fallback");
    expect((await signer.current()).secret).toBe(first.secret);
    // Within retryMs the database is not asked again (a remote one that times out would slow every page).
    expect(db.calls.count).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("Set CONTACT_FORM_SECRET so the form never depends on the database");
    clock += 15_001;
    await signer.current();
    expect(db.calls.count).toBe(2);
    expect(warnings).toHaveLength(1);
  });

  it("keeps forms signed during the outage valid once the database is back", async () => {
    const db = database();
    let clock = 5_000_000;
    const signer = createFormSigner(db.shared, { now: () => clock, retryMs: 0, log: { warn: () => {} } });
    const during = await signer.current();
    const token = signFormToken(clock, during.secret);
    db.up();
    clock += 10_000;
    const after = await signer.current();
    expect(after.source).toBe("database");
    // The database had no secret yet: the fallback became the shared one, valid on every instance.
    expect(db.stored()).toBe(during.secret);
    const forToken = await signer.forToken(token);
    expect(checkSpam({ honeypot: "", formToken: token }, { secret: forToken.secret, now: clock })).toEqual({
      spam: false,
      issuedAt: clock - 10_000,
    });
  });

  it("accepts an outage form even when the database already had another secret, and only this process's", async () => {
    const db = database();
    db.up();
    await db.shared("the-shared-secret-0123456789abcdef0123456789");
    db.down();
    let clock = 9_000_000;
    const signer = createFormSigner(db.shared, { now: () => clock, retryMs: 0, log: { warn: () => {} } });
    const during = await signer.current();
    const outageToken = signFormToken(clock, during.secret);
    db.up();
    clock += 10_000;
    expect((await signer.current()).secret).toBe("the-shared-secret-0123456789abcdef0123456789");
    const forOutage = await signer.forToken(outageToken);
    expect(forOutage.source).toBe("fallback");
    expect(checkSpam({ honeypot: "", formToken: outageToken }, { secret: forOutage.secret, now: clock }).spam).toBe(
      false,
    );
    // A normal token, and a forged one, are checked with the shared secret as before.
    const normal = signFormToken(clock, "the-shared-secret-0123456789abcdef0123456789");
    expect((await signer.forToken(normal)).source).toBe("database");
    const forged = signFormToken(clock, "someone-elses-key-0123456789abcdef0123456789");
    const forForged = await signer.forToken(forged);
    expect(checkSpam({ honeypot: "", formToken: forged }, { secret: forForged.secret, now: clock + 5_000 })).toEqual({
      spam: true,
      reason: "invalid-token",
    });
  });
});
