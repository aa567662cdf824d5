// End chat against the local Connect simulator: the chat really ends there, the console records and audits it, and
// whatever Connect answers instead reaches the user by name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { createConnectGateway, type ConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { fixtures } from "@/lib/connect-local/test-harness";
import { auditLog, contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { stopContact } from "./actions";
import { recordContact } from "./record";

const meta = { requestId: "req-stop", ip: "127.0.0.1", userAgent: "vitest" };
const sam: SessionUser = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "sam@example.com",
  name: "Sam",
  role: "supervisor",
  sessionId: "test-session",
  mustChangePassword: false,
};
const vic: SessionUser = {
  id: "00000000-0000-4000-8000-000000000002",
  email: "vic@example.com",
  name: "Vic",
  role: "viewer",
  sessionId: "test-session",
  mustChangePassword: false,
};

describe("contacts.stop", () => {
  let h: DatabaseHandle;
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let gateway: ConnectGateway;

  /** A real chat in the simulator, recorded by the console as a test send would record it. */
  async function openChat(phone: string): Promise<string> {
    const { contactId } = await gateway.startOutboundChat({
      instanceId: fixtures.instance.id,
      contactFlowId: fixtures.smsFlow.id,
      sourcePhoneNumberArn: fixtures.dualNumber.arn,
      destinationPhoneNumber: phone,
      channel: "sms",
      clientToken: randomUUID(),
    });
    await recordContact(h.db, {
      contactId,
      instanceId: fixtures.instance.id,
      channel: "sms",
      customerPhone: phone,
      sourcePhoneNumberArn: fixtures.dualNumber.arn,
      origin: "test_send",
      createdBy: sam.email,
    });
    return contactId;
  }

  const stored = async (contactId: string) => (await h.db.select().from(contacts).where(eq(contacts.contactId, contactId)))[0]!;
  const audits = (contactId: string) => h.db.select().from(auditLog).where(eq(auditLog.targetId, contactId));
  const stop = (contactId: string, user: SessionUser | null = sam) => runAction(stopContact, { contactId }, { user, db: h.db, meta });

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false });
    gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
    useGatewayForProcess(gateway);
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await h?.close();
  });

  it("refuses viewers and the signed-out, and the chat stays open", async () => {
    const contactId = await openChat("+12065550101");
    expect(await stop(contactId, vic)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await stop(contactId, null)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect((await gateway.describeContact(fixtures.instance.id, contactId)).disconnectedAt).toBeUndefined();
    expect(await stored(contactId)).toMatchObject({ state: "open", disconnectedAt: null });
    expect(await audits(contactId)).toHaveLength(0);
  });

  it("ends the chat in Connect, records how it ended, and audits it in the same breath", async () => {
    const contactId = await openChat("+12065550102");
    const res = await stop(contactId);
    expect(res).toMatchObject({ ok: true, data: { contactId, state: "ended", disconnectReason: "API" } });

    const now = await gateway.describeContact(fixtures.instance.id, contactId);
    expect(now.disconnectedAt).toBeInstanceOf(Date);
    expect(now.disconnectReason).toBe("API");
    const row = await stored(contactId);
    expect(row).toMatchObject({ state: "ended", disconnectReason: "API" });
    expect(row.disconnectedAt?.getTime()).toBe(now.disconnectedAt!.getTime());

    const entries = await audits(contactId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "contact.stopped",
      actorEmail: sam.email,
      targetType: "contact",
      requestId: "req-stop",
      diff: { instanceId: fixtures.instance.id, state: { from: "open", to: "ended" }, disconnectReason: "API" },
    });

    const again = await stop(contactId);
    expect(again).toMatchObject({ ok: false, error: { code: "conflict", message: "This chat has already ended (API)" } });
    expect(await audits(contactId)).toHaveLength(1);
  });

  it("says so when Connect no longer knows the chat, and records it as ended", async () => {
    const contactId = randomUUID();
    await recordContact(h.db, {
      contactId,
      instanceId: fixtures.instance.id,
      channel: "sms",
      customerPhone: "+12065550103",
      origin: "campaign",
      createdBy: "system",
    });
    const res = await stop(contactId);
    expect(res).toMatchObject({ ok: false, error: { code: "not_found" } });
    const message = res.ok ? "" : res.error.message;
    expect(message).toMatch(/^This chat no longer exists in Amazon Connect \(Amazon Connect answered ContactNotFoundException: .+\)/);
    expect(message).toMatch(/the console now shows it as ended\.$/);
    expect(await stored(contactId)).toMatchObject({ state: "ended", disconnectReason: "Not found in Amazon Connect" });
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, contactId), eq(auditLog.action, "contact.marked_ended")));
    expect(entry).toMatchObject({
      actorEmail: sam.email,
      diff: { state: { from: "open", to: "ended" }, reason: expect.stringMatching(/^ContactNotFoundException: /) },
    });
  });

  it("names any other Connect error and changes nothing", async () => {
    const contactId = randomUUID();
    await recordContact(h.db, {
      contactId,
      instanceId: "no-such-instance",
      channel: "sms",
      customerPhone: "+12065550104",
      origin: "campaign",
      createdBy: "system",
    });
    const res = await stop(contactId);
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: "not_found",
        message: expect.stringMatching(/^The chat was not ended\. Amazon Connect answered ResourceNotFoundException: .+\(AWS request id [0-9a-f-]+\)$/),
      },
    });
    expect(await stored(contactId)).toMatchObject({ state: "open" });
    expect(await audits(contactId)).toHaveLength(0);
  });

  it("refuses a contact the console never recorded, and a blank id", async () => {
    expect(await stop("not-recorded")).toMatchObject({ ok: false, error: { code: "not_found", message: "The console has no contact with this ContactId" } });
    expect(await stop("  ")).toMatchObject({ ok: false, error: { code: "invalid", fields: { contactId: "Give the ContactId" } } });
  });
});
