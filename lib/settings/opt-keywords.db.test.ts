// settings.updateOptKeywords: checked, stored, audited with before and after, and what customer messages are matched against.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { SYSTEM_ACTOR } from "@/lib/audit/context";
import { auditLog, settings } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { applyCustomerMessage, readOptKeywords } from "@/lib/replies/apply";
import { DEFAULT_OPT_KEYWORDS, OPT_KEYWORDS_SETTING } from "@/lib/replies/keywords";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { updateOptKeywords } from "./actions";

const meta = { requestId: "req-kw", ip: null, userAgent: null };

describe("opt-out keyword settings", () => {
  let h: DatabaseHandle;
  let admin: SessionUser;
  let supervisor: SessionUser;

  beforeAll(async () => {
    h = await createTestDb();
    const a = await insertUser(h.db, { email: "admin@example.com", name: "Ad", role: "admin", passwordHash: null });
    const s = await insertUser(h.db, { email: "sup@example.com", name: "Su", role: "supervisor", passwordHash: null });
    admin = { id: a.id, email: a.email, name: a.name, role: "admin", sessionId: "test-session", mustChangePassword: false };
    supervisor = { id: s.id, email: s.email, name: s.name, role: "supervisor", sessionId: "test-session", mustChangePassword: false };
  });
  afterAll(async () => {
    await h?.close();
  });

  const update = (input: unknown, user: SessionUser = admin) => runAction(updateOptKeywords, input, { user, db: h.db, meta });
  const stored = async () => (await h.db.select().from(settings).where(eq(settings.key, OPT_KEYWORDS_SETTING)))[0];
  const effect = async (text: string) =>
    (await applyCustomerMessage(h.db, SYSTEM_ACTOR, { customerPhone: "+12065550111", sourcePhoneNumberArn: null, text, via: "test" })).optOut;

  it("refuses an empty opt-out list, a keyword on both lists and a keyword of two words, each on its field", async () => {
    expect(await update({ optOut: [], optIn: ["START"] })).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { optOut: "Keep at least one opt-out keyword" } },
    });
    expect(await update({ optOut: ["STOP", "start"], optIn: ["START"] })).toMatchObject({
      ok: false,
      error: { fields: { optIn: "START cannot both opt out and opt in" } },
    });
    expect(await update({ optOut: ["opt out"], optIn: [] })).toMatchObject({
      ok: false,
      error: { fields: { "optOut.0": "A keyword is one word: letters, digits or a hyphen" } },
    });
    expect(await stored()).toBeUndefined();
    expect(await h.db.select().from(auditLog)).toEqual([]);
  });

  it("refuses supervisors: only an admin changes what opts a customer out", async () => {
    expect(await update({ optOut: ["ARRET"], optIn: [] }, supervisor)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await stored()).toBeUndefined();
  });

  it("stores the lists upper-cased and once each, audits before and after, and replies are matched against them", async () => {
    expect(await effect("cancel")).toBe("stop");
    const res = await update({ optOut: ["Arret", "stop", "STOP"], optIn: ["start"] });
    expect(res).toEqual({ ok: true, data: { optOut: ["ARRET", "STOP"], optIn: ["START"] } });
    expect(await stored()).toMatchObject({ value: { optOut: ["ARRET", "STOP"], optIn: ["START"] }, updatedBy: admin.email });
    expect(await readOptKeywords(h.db)).toEqual({ optOut: ["ARRET", "STOP"], optIn: ["START"] });
    const [entry] = await h.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({
      action: "settings.opt_keywords_changed",
      actorEmail: admin.email,
      targetType: "setting",
      targetId: OPT_KEYWORDS_SETTING,
      requestId: "req-kw",
      diff: { optOut: { from: DEFAULT_OPT_KEYWORDS.optOut, to: ["ARRET", "STOP"] }, optIn: { from: DEFAULT_OPT_KEYWORDS.optIn, to: ["START"] } },
    });
    expect(await effect("arret.")).toBe("stop");
    expect(await effect("cancel")).toBeNull();
    expect(await effect("unstop")).toBeNull();

    await update({ optOut: [...DEFAULT_OPT_KEYWORDS.optOut], optIn: [...DEFAULT_OPT_KEYWORDS.optIn] });
    const [reset] = await h.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(reset!.diff).toMatchObject({ optOut: { from: ["ARRET", "STOP"], to: DEFAULT_OPT_KEYWORDS.optOut } });
    expect(await effect("cancel")).toBe("stop");
  });
});
