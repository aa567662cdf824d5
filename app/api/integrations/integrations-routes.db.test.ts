// The integrations page's lists: admins only, filtered by integration and status, newest first by keyset pages.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { inboundIntegrations, inboundMessages, inboundRejections } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { GET: messages } = await import("./messages/route");
const { GET: rejections } = await import("./rejections/route");

const admin: SessionUser = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "ada@example.com",
  name: "Ada",
  role: "admin",
  sessionId: "test-session",
  mustChangePassword: false,
};
const sam: SessionUser = {
  id: "00000000-0000-4000-8000-000000000002",
  email: "sam@example.com",
  name: "Sam",
  role: "supervisor",
  sessionId: "test-session",
  mustChangePassword: false,
};
const get = async (handler: typeof messages, url: string) => {
  const res = await handler(new Request(`http://console.test${url}`), {});
  return { status: res.status, body: await res.json() };
};

describe("integration list routes", () => {
  const ids: string[] = [];

  beforeAll(async () => {
    state.db = await createTestDb();
    for (const name of ["A", "B"]) {
      const [row] = await state.db.db
        .insert(inboundIntegrations)
        .values({
          name,
          channel: "sms",
          instanceId: "i",
          phoneNumberArn: `arn:${name}`,
          phoneNumber: "+12065550142",
          destinationArn: `arn:eum:${name}`,
          secretCiphertext: "v1.x.y.z",
          secretPrefix: "ocin_abcd",
          createdBy: "ada@example.com",
        })
        .returning();
      ids.push(row!.id);
    }
    const [a, b] = ids;
    await state.db.db.insert(inboundMessages).values([
      { integrationId: a!, messageId: "a1", fromPhone: "+12065550100", toPhone: "+12065550142", type: "message", text: "one", status: "forwarded" },
      {
        integrationId: a!,
        messageId: "a2",
        fromPhone: "+12065550100",
        toPhone: "+12065550142",
        type: "message",
        text: "two",
        status: "queued",
        lastErrorName: "ThrottlingException",
      },
      { integrationId: a!, messageId: "a3", fromPhone: "+12065550101", toPhone: "+12065550142", type: "message", text: "three", status: "failed" },
      { integrationId: b!, messageId: "b1", fromPhone: "+12065550102", toPhone: "+12065550142", type: "read", text: "m-1", status: "forwarded" },
    ]);
    await state.db.db.insert(inboundRejections).values([
      { integrationId: a!, reason: "signature does not match", ip: "203.0.113.7", bodyExcerpt: "{}" },
      { integrationId: b!, reason: "body is not JSON", ip: null, bodyExcerpt: "x" },
    ]);
  });
  afterAll(async () => {
    await state.db?.close();
  });

  it("refuses anyone but an admin", async () => {
    state.user = sam;
    expect((await get(messages, "/api/integrations/messages")).status).toBe(403);
    expect((await get(rejections, "/api/integrations/rejections")).status).toBe(403);
    state.user = null;
    expect((await get(messages, "/api/integrations/messages")).status).toBe(401);
  });

  it("pages messages newest first and filters them", async () => {
    state.user = admin;
    const first = await get(messages, "/api/integrations/messages?limit=2");
    expect(first.body.rows.map((r: { messageId: string }) => r.messageId)).toEqual(["b1", "a3"]);
    const second = await get(messages, `/api/integrations/messages?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ rows: [{ messageId: "a2", lastErrorName: "ThrottlingException" }, { messageId: "a1" }], nextCursor: null });
    const queued = await get(messages, `/api/integrations/messages?integration=${ids[0]}&status=queued`);
    expect(queued.body.rows.map((r: { messageId: string }) => r.messageId)).toEqual(["a2"]);
    const bad = await get(messages, "/api/integrations/messages?status=lost&cursor=nope");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({ status: "Use one of: queued, forwarded, failed" });
  });

  it("lists rejections by integration", async () => {
    const all = await get(rejections, "/api/integrations/rejections");
    expect(all.body.rows.map((r: { reason: string }) => r.reason)).toEqual(["body is not JSON", "signature does not match"]);
    const a = await get(rejections, `/api/integrations/rejections?integration=${ids[0]}`);
    expect(a.body.rows).toEqual([
      {
        id: expect.any(Number),
        integrationId: ids[0],
        receivedAt: expect.any(String),
        reason: "signature does not match",
        ip: "203.0.113.7",
        bodyExcerpt: "{}",
        hiddenReason: null,
      },
    ]);
    expect(JSON.stringify(all.body)).not.toContain("v1.x.y.z");
  });
});
