// settings.updateSendingCapacity: admins only, stored with a per-field audit diff in the same transaction, and read
// back tolerantly by readSendingCapacity.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { auditLog, settings } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { updateSendingCapacity } from "./actions";
import { readSendingCapacity, SENDING_CAPACITY_SETTING } from "./sending-capacity";

const meta = { requestId: "req-cap", ip: null, userAgent: null };
const DID = "arn:aws:connect:us-east-1:111122223333:phone-number/did";
const TOLL_FREE = "arn:aws:connect:us-east-1:111122223333:phone-number/tf";
const WHATSAPP = "arn:aws:connect:us-east-1:111122223333:phone-number/wa";

describe("sending capacity settings", () => {
  let h: DatabaseHandle;
  let admin: SessionUser;
  let supervisor: SessionUser;

  beforeAll(async () => {
    h = await createTestDb();
    const a = await insertUser(h.db, { email: "admin@capacity.test", name: "Ad", role: "admin", passwordHash: null });
    const s = await insertUser(h.db, { email: "sup@capacity.test", name: "Su", role: "supervisor", passwordHash: null });
    admin = { id: a.id, email: a.email, name: a.name, role: "admin", sessionId: "test-session", mustChangePassword: false };
    supervisor = { id: s.id, email: s.email, name: s.name, role: "supervisor", sessionId: "test-session", mustChangePassword: false };
  });
  beforeEach(async () => {
    await h.db.delete(settings).where(eq(settings.key, SENDING_CAPACITY_SETTING));
  });
  afterAll(async () => {
    await h?.close();
  });

  const update = (input: unknown, user: SessionUser = admin, requestMeta: typeof meta | { requestId: string; ip: null; userAgent: string } = meta) =>
    runAction(updateSendingCapacity, input, { user, db: h.db, meta: requestMeta });
  const stored = async () => (await h.db.select().from(settings).where(eq(settings.key, SENDING_CAPACITY_SETTING)))[0];
  const lastAudit = async () => (await h.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];
  const store = (value: unknown) => h.db.insert(settings).values({ key: SENDING_CAPACITY_SETTING, value });

  it("reads the defaults when nothing is stored, or when what is stored is garbage", async () => {
    const defaults = { numberMessagesPerSecond: {}, whatsAppDailyLimit: 250 };
    expect(await readSendingCapacity(h.db)).toEqual(defaults);
    await store("not an object");
    expect(await readSendingCapacity(h.db)).toEqual(defaults);
    await h.db.update(settings).set({ value: { numberMessagesPerSecond: { [DID]: "lots", [TOLL_FREE]: 0 }, whatsAppDailyLimit: 3 } });
    expect(await readSendingCapacity(h.db)).toEqual(defaults);
  });

  it("refuses a supervisor and leaves the setting and the audit log alone", async () => {
    const auditBefore = await lastAudit();
    const res = await update({ numbers: [{ arn: DID, phoneNumber: "+12065550142", messagesPerSecond: "5" }], whatsAppDailyLimit: "2000" }, supervisor);
    expect(res).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await stored()).toBeUndefined();
    expect(await lastAudit()).toEqual(auditBefore);
  });

  it("refuses a bad rate on its field, naming the number, and stores nothing", async () => {
    const res = await update({ numbers: [{ arn: DID, phoneNumber: "+12065550142", messagesPerSecond: "0" }], whatsAppDailyLimit: "250" });
    expect(res).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { "numbers.0.messagesPerSecond": "Messages per second for +12065550142 must be above 0" } },
    });
    expect(await stored()).toBeUndefined();
  });

  it("stores overrides and the daily limit, audits each changed field, clears an emptied override and keeps numbers not sent", async () => {
    const first = await update({
      numbers: [
        { arn: DID, phoneNumber: "+12065550142", messagesPerSecond: "2.5" },
        { arn: TOLL_FREE, phoneNumber: "+18005550199", messagesPerSecond: "" },
        { arn: WHATSAPP, phoneNumber: "+447700900123", messagesPerSecond: 200 },
      ],
      whatsAppDailyLimit: "10000",
    });
    const firstValue = { numberMessagesPerSecond: { [DID]: 2.5, [WHATSAPP]: 200 }, whatsAppDailyLimit: 10_000 };
    expect(first).toEqual({ ok: true, data: firstValue });
    expect(await stored()).toMatchObject({ value: firstValue, updatedBy: admin.email });
    expect(await readSendingCapacity(h.db)).toEqual(firstValue);
    expect(await lastAudit()).toMatchObject({
      action: "settings.sending_capacity_changed",
      actorEmail: admin.email,
      targetType: "setting",
      targetId: SENDING_CAPACITY_SETTING,
      requestId: "req-cap",
      diff: {
        whatsAppDailyLimit: { from: 250, to: 10_000 },
        [`numberMessagesPerSecond.${DID}`]: { from: null, to: 2.5 },
        [`numberMessagesPerSecond.${WHATSAPP}`]: { from: null, to: 200 },
      },
    });
    // The toll-free number kept its default: no line for it.
    expect(Object.keys((await lastAudit())!.diff as object)).toHaveLength(3);

    // The WhatsApp number is not in this save (its instance did not list): its override stays.
    const second = await update({ numbers: [{ arn: DID, phoneNumber: "+12065550142", messagesPerSecond: " " }], whatsAppDailyLimit: "unlimited" });
    const secondValue = { numberMessagesPerSecond: { [WHATSAPP]: 200 }, whatsAppDailyLimit: null };
    expect(second).toEqual({ ok: true, data: secondValue });
    expect(await readSendingCapacity(h.db)).toEqual(secondValue);
    expect((await lastAudit())!.diff).toEqual({
      whatsAppDailyLimit: { from: 10_000, to: null },
      [`numberMessagesPerSecond.${DID}`]: { from: 2.5, to: null },
    });
  });

  it("leaves the setting as it was when the audit entry cannot be written", async () => {
    await update({ numbers: [{ arn: DID, phoneNumber: "+12065550142", messagesPerSecond: "3" }], whatsAppDailyLimit: "2000" });
    const before = await stored();
    const auditBefore = await lastAudit();
    // PostgreSQL refuses a NUL character in text: the audit insert fails after the setting was written in the transaction.
    const res = await update({ numbers: [{ arn: DID, phoneNumber: "+12065550142", messagesPerSecond: "9" }], whatsAppDailyLimit: "100000" }, admin, {
      requestId: "req-cap-bad",
      ip: null,
      userAgent: "agent\u0000",
    });
    expect(res).toMatchObject({ ok: false, error: { code: "internal" } });
    expect(await stored()).toEqual(before);
    expect(await readSendingCapacity(h.db)).toEqual({ numberMessagesPerSecond: { [DID]: 3 }, whatsAppDailyLimit: 2_000 });
    expect(await lastAudit()).toEqual(auditBefore);
  });
});
