// GET /api/chat-events over a real database: newest first, keyset pages, filters, and who may read it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { insertChatEvent, type NewChatEvent } from "@/lib/chat-events/queries";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";

const state: { db?: DatabaseHandle; user: SessionUser | null; minRole: Role } = { user: null, minRole: "supervisor" };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));
vi.mock("@/lib/env", () => ({ env: () => ({ CUSTOMER_TEXT_ROLE: state.minRole }) }));

const { GET } = await import("./route");

const vic: SessionUser = {
  id: "00000000-0000-4000-8000-000000000002",
  email: "vic@example.com",
  name: "Vic",
  role: "viewer",
  sessionId: "test-session",
  mustChangePassword: false,
};
const sam: SessionUser = {
  id: "00000000-0000-4000-8000-000000000003",
  email: "sam@example.com",
  name: "Sam",
  role: "supervisor",
  sessionId: "test-session",
  mustChangePassword: false,
};
const get = async (query: string) => {
  const res = await GET(new Request(`http://console.test/api/chat-events${query}`, { headers: { "x-request-id": "req-test" } }), {});
  return { status: res.status, body: await res.json() };
};

const event = (over: Partial<NewChatEvent>): NewChatEvent => ({
  origin: "console",
  actorEmail: "sup@example.com",
  instanceId: "i-1",
  channel: "sms",
  sourceId: "+14155550100",
  destinationId: "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1",
  destinationPhone: "+18885550100",
  destinationPhoneNumberArn: "arn:aws:connect:us-east-1:123456789012:instance/i-1/phone-number/p-1",
  eventType: "MESSAGE",
  contentType: "text/plain",
  content: "hi",
  status: "sent",
  contactId: "c-1",
  newChatCreated: true,
  requestId: "r-1",
  ...over,
});

describe("GET /api/chat-events", () => {
  const ids: number[] = [];
  beforeAll(async () => {
    state.db = await createTestDb();
    const rows = [
      event({}),
      event({ eventType: "EVENT", contentType: "application/vnd.amazonaws.connect.event.typing", content: null, newChatCreated: false }),
      event({
        sourceId: "+442079460958",
        contactId: null,
        status: "failed",
        newChatCreated: null,
        errorName: "AccessDeniedException",
        errorMessage: "not allowed",
        requestId: "r-9",
      }),
      event({ eventType: "DISCONNECT", contentType: null, content: null, newChatCreated: false }),
    ];
    for (const row of rows) ids.push((await insertChatEvent(state.db.db, row)).id);
  });
  afterAll(async () => {
    await state.db?.close();
  });

  it("refuses the signed-out", async () => {
    state.user = null;
    expect((await get("")).status).toBe(401);
  });

  it("lists newest first for viewers, a page at a time", async () => {
    state.user = vic;
    const first = await get("?limit=3");
    expect(first.status).toBe(200);
    expect(first.body.events.map((e: { id: number }) => e.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(first.body.events[0]).toMatchObject({
      eventType: "DISCONNECT",
      customerPhone: "+14155550100",
      destinationPhone: "+18885550100",
      contactId: "c-1",
      status: "sent",
    });
    expect(first.body.events[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    const second = await get(`?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ events: [{ id: ids[0] }], nextCursor: null });
  });

  it("filters by event type, status, contact id and part of a number", async () => {
    const idsOf = async (q: string) => (await get(q)).body.events.map((e: { id: number }) => e.id);
    expect(await idsOf("?type=EVENT")).toEqual([ids[1]]);
    expect(await idsOf("?status=failed")).toEqual([ids[2]]);
    expect(await idsOf("?contactId=c-1&type=MESSAGE")).toEqual([ids[0]]);
    expect(await idsOf("?q=020%207946")).toEqual([]);
    expect(await idsOf("?q=207946")).toEqual([ids[2]]);
    expect(await idsOf("?q=%2B1%20415")).toEqual([ids[3], ids[1], ids[0]]);
    expect(await idsOf("?q=888555&status=failed")).toEqual([ids[2]]);
    const failed = (await get("?status=failed")).body.events[0];
    expect(failed).toMatchObject({
      errorName: "AccessDeniedException",
      error: expect.stringMatching(/^Amazon Connect refused the event \(AccessDeniedException\).*Connect said: not allowed \(AWS request id r-9\)$/),
    });
  });

  it("shows a customer's message text only to roles of at least CUSTOMER_TEXT_ROLE; others see the event with the text hidden", async () => {
    const message = (body: { events: { id: number; content: string | null; hiddenReason: string | null }[] }) => body.events.find((e) => e.id === ids[0])!;
    state.user = vic;
    const asViewer = (await get("")).body;
    expect(message(asViewer)).toMatchObject({
      eventType: "MESSAGE",
      contentType: "text/plain",
      content: null,
      hiddenReason: "hidden: needs the supervisor role",
      customerPhone: "+14155550100",
    });
    expect(JSON.stringify(asViewer)).not.toContain('"hi"');
    // Receipts, typing and disconnects carry no customer's words: nothing to hide.
    expect(
      asViewer.events.filter((e: { eventType: string }) => e.eventType !== "MESSAGE").every((e: { hiddenReason: string | null }) => e.hiddenReason === null),
    ).toBe(true);

    state.user = sam;
    expect(message((await get("")).body)).toMatchObject({ content: "hi", hiddenReason: null });

    state.minRole = "admin";
    expect(message((await get("")).body)).toMatchObject({ content: null, hiddenReason: "hidden: needs the admin role" });
    state.minRole = "viewer";
    state.user = vic;
    expect(message((await get("")).body)).toMatchObject({ content: "hi", hiddenReason: null });
    state.minRole = "supervisor";
  });

  it("answers a bad filter with a message on its field", async () => {
    const bad = await get("?type=TYPING&cursor=abc");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: "invalid",
      fields: { type: "Choose MESSAGE, EVENT or DISCONNECT", cursor: "Use nextCursor of the previous page" },
    });
  });
});
