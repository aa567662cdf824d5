// Managing inbound integrations through the real actions: numbers checked against Connect, the secret shown once and
// kept encrypted, every change audited, supervisors refused.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { desc, eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import type { ConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { auditLog, inboundIntegrations, inboundMessages } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { startSim, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { createIntegration, deleteIntegration, rotateIntegrationSecret, setIntegrationEnabled } from "./actions";
import { SMS_NUMBER, SMS_NUMBER_EUM_ARN, TEST_AUTH_SECRET, testKey } from "./inbound-test-kit";
import { listIntegrations } from "./queries";
import { decryptSecret } from "./secret";
import { checkSignature, signatureFor } from "./signature";

vi.mock("@/lib/runtime/current", () => ({ getRuntime: async () => ({ authSecret: TEST_AUTH_SECRET }) }));

const meta = { requestId: "req-int", ip: "127.0.0.1", userAgent: "vitest" };

describe("inbound integration actions", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  let admin: SessionUser;
  let supervisor: SessionUser;
  let instanceId: string;
  let arnOf: (phone: string) => string;

  const as = (user: SessionUser) => ({ user, db: h.db, meta });
  const lastAudit = async () => (await h.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim();
    useGatewayForProcess(sim.gateway);
    const a = await insertUser(h.db, { email: "admin@example.com", name: "Ada", role: "admin", passwordHash: null });
    const s = await insertUser(h.db, { email: "sup@example.com", name: "Sam", role: "supervisor", passwordHash: null });
    admin = { id: a.id, email: a.email, name: a.name, role: "admin", sessionId: "test-session", mustChangePassword: false };
    supervisor = { id: s.id, email: s.email, name: s.name, role: "supervisor", sessionId: "test-session", mustChangePassword: false };
    instanceId = (await sim.gateway.listInstances()).find((i) => i.alias === "acme-support")!.id;
    const numbers = await sim.gateway.listPhoneNumbers(instanceId);
    arnOf = (phone) => numbers.find((n) => n.phoneNumber === phone)!.arn;
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await h?.close();
  });

  it("creates an integration, shows the secret once, and keeps only its ciphertext", async () => {
    const res = await runAction(createIntegration, { name: " Twilio US ", channel: "sms", instanceId, phoneNumberArn: arnOf(SMS_NUMBER) }, as(admin));
    if (!res.ok) throw new Error(res.error.message);
    const { integration, secret } = res.data;
    expect(integration).toMatchObject({
      name: "Twilio US",
      channel: "sms",
      phoneNumber: SMS_NUMBER,
      destinationArn: SMS_NUMBER_EUM_ARN,
      createdBy: "admin@example.com",
      disabledAt: null,
    });
    expect(secret).toMatch(/^ocin_/);
    expect(secret.startsWith(integration.secretPrefix)).toBe(true);

    const [row] = await h.db.select().from(inboundIntegrations).where(eq(inboundIntegrations.id, integration.id));
    expect(row!.secretCiphertext).not.toContain(secret);
    expect(row!.secretCiphertext).not.toContain(secret.slice(5));
    expect(decryptSecret(testKey, integration.id, row!.secretCiphertext)).toBe(secret);

    const listed = JSON.stringify(await listIntegrations(h.db));
    expect(listed).not.toContain(secret.slice(5));
    expect(listed).not.toContain(row!.secretCiphertext);
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: "inbound_integration.created", actorEmail: "admin@example.com", targetId: integration.id, requestId: "req-int" });
    expect(JSON.stringify(entry.diff)).not.toContain(secret.slice(5));
  });

  it("refuses numbers that cannot receive for the channel, and a name already used", async () => {
    const whatsapp = await runAction(createIntegration, { name: "WA", channel: "whatsapp", instanceId, phoneNumberArn: arnOf(SMS_NUMBER) }, as(admin));
    expect(whatsapp).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { phoneNumberArn: `${SMS_NUMBER} is not described as WhatsApp-capable (“US 10DLC long code, SMS only”)` } },
    });
    const otherInstance = await runAction(
      createIntegration,
      { name: "X", channel: "sms", instanceId, phoneNumberArn: "arn:aws:connect:us-east-1:123456789012:phone-number/nope" },
      as(admin),
    );
    expect(otherInstance).toMatchObject({ ok: false, error: { fields: { phoneNumberArn: "This number is not claimed by the chosen instance" } } });
    const taken = await runAction(createIntegration, { name: "twilio us", channel: "sms", instanceId, phoneNumberArn: arnOf(SMS_NUMBER) }, as(admin));
    expect(taken).toMatchObject({ ok: false, error: { code: "conflict", fields: { name: "Another integration already has this name" } } });

    const withoutEum: ConnectGateway = {
      ...sim.gateway,
      listPhoneNumbers: async (id) => (await sim.gateway.listPhoneNumbers(id)).map((n) => ({ ...n, sourcePhoneNumberArn: undefined })),
    };
    useGatewayForProcess(withoutEum);
    try {
      const res = await runAction(createIntegration, { name: "No EUM", channel: "sms", instanceId, phoneNumberArn: arnOf(SMS_NUMBER) }, as(admin));
      expect(res).toMatchObject({
        ok: false,
        error: { fields: { phoneNumberArn: expect.stringMatching(/^Amazon Connect reports no AWS End User Messaging number for \+12065550142/) } },
      });
    } finally {
      useGatewayForProcess(sim.gateway);
    }
    expect(await h.db.select().from(inboundIntegrations)).toHaveLength(1);
  });

  it("rotates the secret: the old one stops verifying at once, the new one works", async () => {
    const [before] = await h.db.select().from(inboundIntegrations);
    const oldSecret = decryptSecret(testKey, before!.id, before!.secretCiphertext)!;
    const res = await runAction(rotateIntegrationSecret, { integrationId: before!.id }, as(admin));
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.secret).not.toBe(oldSecret);
    const [after] = await h.db.select().from(inboundIntegrations);
    const current = decryptSecret(testKey, after!.id, after!.secretCiphertext)!;
    expect(current).toBe(res.data.secret);
    const ts = String(Math.floor(Date.now() / 1000));
    const verify = (s: string) => checkSignature({ secret: current, timestamp: ts, signature: signatureFor(s, ts, "{}"), rawBody: "{}", nowMs: Date.now() }).ok;
    expect([verify(oldSecret), verify(res.data.secret)]).toEqual([false, true]);
    expect(await lastAudit()).toMatchObject({
      action: "inbound_integration.secret_rotated",
      diff: { secretPrefix: { from: before!.secretPrefix, to: after!.secretPrefix } },
    });
  });

  it("disables and enables, audited, and only deletes queued messages when told to", async () => {
    const [row] = await h.db.select().from(inboundIntegrations);
    const off = await runAction(setIntegrationEnabled, { integrationId: row!.id, enabled: false }, as(admin));
    expect(off).toMatchObject({ ok: true, data: { disabledAt: expect.any(String) } });
    expect(await lastAudit()).toMatchObject({ action: "inbound_integration.disabled", targetId: row!.id });
    const on = await runAction(setIntegrationEnabled, { integrationId: row!.id, enabled: true }, as(admin));
    expect(on).toMatchObject({ ok: true, data: { disabledAt: null } });
    expect(await lastAudit()).toMatchObject({ action: "inbound_integration.enabled" });

    await h.db
      .insert(inboundMessages)
      .values({ integrationId: row!.id, messageId: "waiting", fromPhone: "+12065550100", toPhone: SMS_NUMBER, type: "message", text: "hi" });
    const refused = await runAction(deleteIntegration, { integrationId: row!.id }, as(admin));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringMatching(/^1 message is still waiting to reach Amazon Connect/) },
    });
    const deleted = await runAction(deleteIntegration, { integrationId: row!.id, dropQueued: true }, as(admin));
    expect(deleted).toMatchObject({ ok: true, data: { id: row!.id, droppedQueued: 1 } });
    expect(await h.db.select().from(inboundIntegrations)).toEqual([]);
    expect(await lastAudit()).toMatchObject({
      action: "inbound_integration.deleted",
      targetId: row!.id,
      diff: { droppedQueued: 1, before: { name: "Twilio US" } },
    });
  });

  it("refuses supervisors every integration action and changes nothing", async () => {
    const created = await runAction(createIntegration, { name: "Kept", channel: "sms", instanceId, phoneNumberArn: arnOf(SMS_NUMBER) }, as(admin));
    if (!created.ok) throw new Error(created.error.message);
    const id = created.data.integration.id;
    const before = JSON.stringify(await h.db.select().from(inboundIntegrations));
    const auditBefore = (await lastAudit()).id;
    for (const [def, input] of [
      [createIntegration, { name: "Sneaky", channel: "sms", instanceId, phoneNumberArn: arnOf(SMS_NUMBER) }],
      [setIntegrationEnabled, { integrationId: id, enabled: false }],
      [rotateIntegrationSecret, { integrationId: id }],
      [deleteIntegration, { integrationId: id, dropQueued: true }],
    ] as const) {
      expect(await runAction(def as typeof createIntegration, input, as(supervisor))).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(JSON.stringify(await h.db.select().from(inboundIntegrations))).toBe(before);
    expect((await lastAudit()).id).toBe(auditBefore);
  });
});
