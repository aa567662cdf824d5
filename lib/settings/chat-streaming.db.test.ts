// settings.updateChatStreaming against local Connect's instances: admins only, each topic held to a standard SNS topic in
// its instance's Region, every change audited in the same transaction as the setting, and read back per instance with
// local mode's default (the simulator's chat-stream topic) where nothing else is set.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { catalog, fixtures, harnessForFile } from "@/lib/connect-local/test-harness";
import { auditLog, settings } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { updateChatStreaming } from "./actions";
import { CHAT_STREAMING_SETTING, readChatStreaming, topicFor } from "./chat-streaming";

const sim = harnessForFile();
const meta = { requestId: "req-stream", ip: null, userAgent: null };
const SUPPORT = fixtures.instance;
const MARKETING = fixtures.otherInstance;
const DEFAULT_TOPIC = `arn:aws:sns:${catalog.region}:${catalog.accountId}:chat-stream`;
const OWN_TOPIC = `arn:aws:sns:${catalog.region}:${catalog.accountId}:console-chats`;

describe("chat streaming settings", () => {
  let h: DatabaseHandle;
  let admin: SessionUser;
  let supervisor: SessionUser;

  beforeAll(async () => {
    h = await createTestDb();
    useGatewayForProcess(createConnectGateway({ mode: "local", endpoint: sim.server.url, region: catalog.region, maxAttempts: 1 }));
    const a = await insertUser(h.db, { email: "admin@stream.test", name: "Ad", role: "admin", passwordHash: null });
    const s = await insertUser(h.db, { email: "sup@stream.test", name: "Su", role: "supervisor", passwordHash: null });
    admin = { id: a.id, email: a.email, name: a.name, role: "admin", sessionId: "test-session", mustChangePassword: false };
    supervisor = { id: s.id, email: s.email, name: s.name, role: "supervisor", sessionId: "test-session", mustChangePassword: false };
  });
  beforeEach(async () => {
    await h.db.delete(settings).where(eq(settings.key, CHAT_STREAMING_SETTING));
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await h?.close();
  });

  const update = (
    instances: { instanceId: string; topicArn: string }[],
    user: SessionUser = admin,
    requestMeta: typeof meta | { requestId: string; ip: null; userAgent: string } = meta,
  ) => runAction(updateChatStreaming, { instances }, { user, db: h.db, meta: requestMeta });
  const stored = async () => (await h.db.select().from(settings).where(eq(settings.key, CHAT_STREAMING_SETTING)))[0];
  const lastAudit = async () => (await h.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];
  const streamsTo = async (instance: { id: string; arn: string }) => topicFor(await readChatStreaming(h.db), "local", instance);

  it("streams every instance to the simulator's chat-stream topic until an admin says otherwise", async () => {
    expect(await streamsTo(SUPPORT)).toBe(DEFAULT_TOPIC);
    expect(await streamsTo(MARKETING)).toBe(DEFAULT_TOPIC);
  });

  it("refuses a supervisor and leaves the setting and the audit log alone", async () => {
    const auditBefore = await lastAudit();
    const res = await update([{ instanceId: SUPPORT.id, topicArn: "" }], supervisor);
    expect(res).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await stored()).toBeUndefined();
    expect(await lastAudit()).toEqual(auditBefore);
  });

  it("refuses a topic Connect could not stream to, on its own row, and stores nothing", async () => {
    const cases: [string, string][] = [
      ["arn:aws:sns:us-east-1:123456789012:chats.fifo", "A FIFO topic cannot receive chats: Connect streams to standard SNS topics only"],
      ["arn:aws:sqs:us-east-1:123456789012:chat-stream", "Not an SNS topic ARN; write it as arn:aws:sns:us-east-1:123456789012:chat-stream"],
      ["chat-stream", "Not an SNS topic ARN; write it as arn:aws:sns:us-east-1:123456789012:chat-stream"],
      [
        `arn:aws:sns:eu-west-2:${catalog.accountId}:chat-stream`,
        `The topic is in eu-west-2; Connect streams only to a topic in the instance's Region, ${catalog.region}`,
      ],
    ];
    for (const [topicArn, message] of cases) {
      const res = await update([
        { instanceId: MARKETING.id, topicArn: "" },
        { instanceId: SUPPORT.id, topicArn },
      ]);
      expect(res).toMatchObject({ ok: false, error: { code: "invalid", fields: { "instances.1.topicArn": message } } });
    }
    const unknown = await update([{ instanceId: "not-an-instance", topicArn: OWN_TOPIC }]);
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { "instances.0.instanceId": "Amazon Connect lists no instance not-an-instance" } },
    });
    const twice = await update([
      { instanceId: SUPPORT.id, topicArn: OWN_TOPIC },
      { instanceId: SUPPORT.id, topicArn: "" },
    ]);
    expect(twice).toMatchObject({ ok: false, error: { fields: { "instances.1.instanceId": `${SUPPORT.id} is listed twice` } } });
    expect(await stored()).toBeUndefined();
  });

  it("stores each instance's topic, audits only the instances that changed, and keeps instances not sent", async () => {
    const first = await update([
      { instanceId: SUPPORT.id, topicArn: ` ${OWN_TOPIC} ` },
      { instanceId: MARKETING.id, topicArn: DEFAULT_TOPIC },
    ]);
    // The default is stored as no entry: it follows the simulator's account and Region.
    expect(first).toEqual({ ok: true, data: { topics: { [SUPPORT.id]: OWN_TOPIC } } });
    expect(await stored()).toMatchObject({ updatedBy: admin.email });
    expect(await streamsTo(SUPPORT)).toBe(OWN_TOPIC);
    expect(await streamsTo(MARKETING)).toBe(DEFAULT_TOPIC);
    expect(await lastAudit()).toMatchObject({
      action: "settings.chat_streaming_changed",
      actorEmail: admin.email,
      targetType: "setting",
      targetId: CHAT_STREAMING_SETTING,
      requestId: "req-stream",
      diff: { [`topics.${SUPPORT.id}`]: { from: DEFAULT_TOPIC, to: OWN_TOPIC } },
    });

    // Marketing turned off; support is not in this save and keeps its topic.
    const second = await update([{ instanceId: MARKETING.id, topicArn: "" }]);
    expect(second).toEqual({ ok: true, data: { topics: { [SUPPORT.id]: OWN_TOPIC, [MARKETING.id]: "" } } });
    expect(await streamsTo(MARKETING)).toBe("");
    expect((await lastAudit())!.diff).toEqual({ [`topics.${MARKETING.id}`]: { from: DEFAULT_TOPIC, to: "" } });

    // Saving what is already set changes nothing and writes no audit entry.
    const auditBefore = await lastAudit();
    expect(await update([{ instanceId: MARKETING.id, topicArn: "" }])).toMatchObject({ ok: true });
    expect(await lastAudit()).toEqual(auditBefore);
  });

  it("leaves the setting as it was when the audit entry cannot be written", async () => {
    await update([{ instanceId: SUPPORT.id, topicArn: OWN_TOPIC }]);
    const before = await stored();
    const auditBefore = await lastAudit();
    // PostgreSQL refuses a NUL character in text: the audit insert fails after the setting was written in the transaction.
    const res = await update([{ instanceId: SUPPORT.id, topicArn: "" }], admin, { requestId: "req-stream-bad", ip: null, userAgent: "agent\u0000" });
    expect(res).toMatchObject({ ok: false, error: { code: "internal" } });
    expect(await stored()).toEqual(before);
    expect(await streamsTo(SUPPORT)).toBe(OWN_TOPIC);
    expect(await lastAudit()).toEqual(auditBefore);
  });

  it("cannot be saved while Connect does not answer, since each topic is checked against its instance", async () => {
    useGatewayForProcess(createConnectGateway({ mode: "local", endpoint: "http://127.0.0.1:9", region: catalog.region, maxAttempts: 1 }));
    try {
      const res = await update([{ instanceId: SUPPORT.id, topicArn: OWN_TOPIC }]);
      expect(res).toMatchObject({ ok: false, error: { code: "unavailable" } });
      expect(await stored()).toBeUndefined();
    } finally {
      useGatewayForProcess(createConnectGateway({ mode: "local", endpoint: sim.server.url, region: catalog.region, maxAttempts: 1 }));
    }
  });
});
