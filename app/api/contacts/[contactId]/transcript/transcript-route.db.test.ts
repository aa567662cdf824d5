// The transcript routes over a real database: the console's route for signed-in users (viewers included) and the
// automation API's for keys, each refusing the unauthenticated, naming an unknown contact, and answering a bad cursor
// with a 400.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { runAction } from "@/lib/actions/safe-action";
import { createApiKey } from "@/lib/api-keys/actions";
import type { SessionUser } from "@/lib/auth/session";
import { chatStreamItems, contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { GET: consoleRoute } = await import("./route");
const { GET: v1Route } = await import("../../../v1/contacts/[contactId]/transcript/route");
const { GET: openapi } = await import("../../../v1/openapi.json/route");

const vic: SessionUser = {
  id: "00000000-0000-4000-8000-000000000002",
  email: "vic@example.com",
  name: "Vic",
  role: "viewer",
  sessionId: "test-session",
  mustChangePassword: false,
};
const sue: SessionUser = { ...vic, id: "00000000-0000-4000-8000-000000000004", email: "sue@example.com", name: "Sue", role: "supervisor" };

type Handler = (req: Request, seg: { params?: Promise<Record<string, string>> }) => Promise<Response>;
const get = (handler: Handler, url: string, contactId: string, key?: string) =>
  handler(
    new Request(`http://console.test${url}`, {
      headers: { "x-request-id": "req-test", "user-agent": "vitest", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    }),
    { params: Promise.resolve({ contactId }) },
  );

describe("transcript routes", () => {
  const chat = randomUUID();
  const failed = randomUUID();
  let viewerKey: string;

  beforeAll(async () => {
    state.db = await createTestDb();
    const db = state.db.db;
    const base = { instanceId: "i-1", channel: "sms" as const, customerPhone: "+12065550100", origin: "test_send" as const, createdBy: "t" };
    await db.insert(contacts).values([
      { ...base, contactId: chat, streamStatus: "started", streamingId: "s-1", deliveredAt: new Date("2025-05-01T10:00:02Z") },
      { ...base, contactId: failed, streamStatus: "failed", streamAttempts: 1, streamError: "InvalidRequestException: Contact has ended" },
    ]);
    await db.insert(chatStreamItems).values(
      [
        { seconds: 0, role: "SYSTEM", contentType: "text/plain", content: "Your order shipped" },
        { seconds: 1, role: "CUSTOMER", contentType: "text/plain", content: "Thanks, my PIN is 1234" },
        { seconds: 2, role: "CUSTOMER", contentType: "application/vnd.amazonaws.connect.event.message.delivered", content: null },
      ].map((i) => ({
        messageId: randomUUID(),
        topicArn: "arn:aws:sns:us-east-1:123456789012:chat-stream",
        contactId: chat,
        initialContactId: chat,
        itemId: randomUUID(),
        type: i.contentType.startsWith("text/") ? "MESSAGE" : "EVENT",
        contentType: i.contentType,
        participantRole: i.role,
        content: i.content,
        absoluteTime: new Date(Date.parse("2025-05-01T10:00:00Z") + i.seconds * 1000),
      })),
    );
    const u = await insertUser(db, { email: "root@example.com", name: "Root", role: "admin", passwordHash: null });
    const admin = { id: u.id, email: u.email, name: u.name, role: "admin" as const, sessionId: "test-session", mustChangePassword: false };
    const res = await runAction(createApiKey, { name: "Dashboard", role: "viewer" }, { user: admin, db, meta: { requestId: "r", ip: null, userAgent: null } });
    if (!res.ok) throw new Error(res.error.message);
    viewerKey = (res.data as { key: string }).key;
  });
  afterAll(async () => {
    await state.db?.close();
  });

  it("answers a viewer with the conversation, the customer's words hidden, the receipts and the stream status", async () => {
    state.user = vic;
    const res = await get(consoleRoute, `/api/contacts/${chat}/transcript`, chat);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toMatchObject({
      contactId: chat,
      state: "open",
      deliveredAt: "2025-05-01T10:00:02.000Z",
      readAt: null,
      nextCursor: null,
      typingOmitted: 0,
      stream: { state: "started", text: expect.stringMatching(/^Streaming started\./), streamingId: "s-1" },
    });
    expect(
      body.entries.map((e: { source: string; role: string; content: string | null; label: string | null }) => [e.source, e.role, e.label ?? e.content]),
    ).toEqual([
      ["stream", "SYSTEM", "Your order shipped"],
      ["stream", "CUSTOMER", null],
      ["stream", "CUSTOMER", "Delivered"],
    ]);
    expect(body.entries[1].hiddenReason).toBe("hidden: needs the supervisor role");
    expect(JSON.stringify(body)).not.toContain("1234");

    state.user = sue;
    const shown = await (await get(consoleRoute, `/api/contacts/${chat}/transcript?limit=2`, chat)).json();
    expect(shown.entries.map((e: { content: string | null }) => e.content)).toEqual(["Your order shipped", "Thanks, my PIN is 1234"]);
    const next = await (await get(consoleRoute, `/api/contacts/${chat}/transcript?limit=2&cursor=${shown.nextCursor}`, chat)).json();
    expect(next.entries.map((e: { label: string | null }) => e.label)).toEqual(["Delivered"]);
    expect(next.nextCursor).toBeNull();
  });

  it("says why a chat's stream failed, and that nothing is streamed yet", async () => {
    state.user = vic;
    const body = await (await get(consoleRoute, `/api/contacts/${failed}/transcript`, failed)).json();
    expect(body.entries).toEqual([]);
    expect(body.stream).toMatchObject({ state: "failed", text: "Streaming failed: InvalidRequestException: Contact has ended" });
  });

  it("refuses the unauthenticated, names an unknown contact, and turns away a bad cursor or limit with a 400", async () => {
    state.user = null;
    const anonymous = await get(consoleRoute, `/api/contacts/${chat}/transcript`, chat);
    expect(anonymous.status).toBe(401);
    expect(JSON.stringify(await anonymous.json())).not.toContain("order");

    state.user = vic;
    const unknown = await get(consoleRoute, `/api/contacts/nope/transcript`, "nope");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe("The console has no contact with this ContactId");

    const badCursor = await get(consoleRoute, `/api/contacts/${chat}/transcript?cursor=garbage`, chat);
    expect(badCursor.status).toBe(400);
    expect((await badCursor.json()).error.message).toMatch(/cursor is not valid/);
    for (const query of ["limit=0", "limit=501", "limit=ten", "typing=maybe"]) {
      const res = await get(consoleRoute, `/api/contacts/${chat}/transcript?${query}`, chat);
      expect(res.status, query).toBe(400);
    }
  });

  it("serves the automation API to a viewer key, and only with a key", async () => {
    state.user = null;
    const res = await get(v1Route, `/api/v1/contacts/${chat}/transcript`, chat, viewerKey);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.entries).toHaveLength(3);
    expect(body.entries[1].content).toBeNull();

    expect((await get(v1Route, `/api/v1/contacts/${chat}/transcript`, chat)).status).toBe(401);
    expect((await get(v1Route, `/api/v1/contacts/${chat}/transcript`, chat, "ock_not-a-real-key")).status).toBe(401);
    expect((await get(v1Route, `/api/v1/contacts/missing/transcript`, "missing", viewerKey)).status).toBe(404);
    expect((await get(v1Route, `/api/v1/contacts/${chat}/transcript?cursor=%5B%5D`, chat, viewerKey)).status).toBe(400);
    const doc = await (await get(openapi, "/api/v1/openapi.json", "", viewerKey)).json();
    expect(doc.paths["/api/v1/contacts/{contactId}/transcript"].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      "contactId",
      "cursor",
      "limit",
      "typing",
    ]);
    // A key opens /api/v1 only, not the console's own route.
    expect((await get(consoleRoute, `/api/contacts/${chat}/transcript`, chat, viewerKey)).status).toBe(401);
  });
});
