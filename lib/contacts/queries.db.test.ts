// The contact history over a real database: filters, search, keyset pages that hold still while contacts are recorded,
// and the events sent into one contact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { campaigns, chatEvents, contacts, inboundIntegrations, inboundMessages } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { UserFacingError } from "@/lib/errors";
import { createTestDb } from "@/lib/testing/test-db";
import { contactEvents, getContact, iterateContacts, listContacts, type ContactListQuery } from "./queries";
import { recordContact, type NewContact } from "./record";
import { contactListSchema } from "./schemas";

const CAMPAIGN = "00000000-0000-4000-8000-00000000c001";

function contact(id: string, overrides: Partial<NewContact> = {}): NewContact {
  return {
    contactId: id,
    instanceId: "i-1",
    channel: "sms",
    customerPhone: "+12065550100",
    origin: "campaign",
    campaignId: CAMPAIGN,
    createdBy: "system",
    ...overrides,
  };
}

/** Records a contact, then sets its creation time exactly (to the microsecond) where a test needs it. */
async function put(h: DatabaseHandle, c: NewContact, createdAt?: string, extra: Partial<typeof contacts.$inferInsert> = {}) {
  expect(await recordContact(h.db, c)).toBe(true);
  if (createdAt || Object.keys(extra).length > 0) {
    await h.db
      .update(contacts)
      .set({ ...extra, ...(createdAt ? { createdAt: sql`${createdAt}::timestamptz` } : {}) })
      .where(sql`${contacts.contactId} = ${c.contactId}`);
  }
}

const ids = (rows: { contactId: string }[]) => rows.map((r) => r.contactId);
const query = (f: Partial<ContactListQuery> = {}): ContactListQuery => ({ limit: 50, ...f });

describe("contact history queries", () => {
  let h: DatabaseHandle;

  beforeAll(async () => {
    h = await createTestDb();
    await h.db.insert(campaigns).values({
      id: CAMPAIGN,
      name: "Spring reminders",
      channel: "sms",
      instanceId: "i-1",
      contactFlowId: "f-1",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p",
      config: {},
      preflight: {},
      createdBy: randomUUID(),
      createdByEmail: "sam@example.com",
    });
    await put(h, contact("c-sms-open"), "2026-01-01T10:00:00.000001Z");
    await put(h, contact("c-sms-ended", { customerPhone: "+12065550111" }), "2026-01-02T10:00:00Z", { state: "ended", disconnectReason: "API" });
    await put(
      h,
      contact("c-wa-test", { channel: "whatsapp", origin: "test_send", campaignId: null, customerPhone: "+442079460958", createdBy: "sam@example.com" }),
      "2026-01-03T10:00:00Z",
    );
    await put(h, contact("c-event-unknown", { origin: "chat_event", campaignId: null, sourcePhone: "+13125550199" }), "2026-01-04T10:00:00Z", {
      state: "unknown",
    });
    await put(h, contact("c-inbound", { origin: "inbound", campaignId: null, customerPhone: "+15035550123" }), "2026-01-05T10:00:00Z");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("lists newest first with the campaign's name, and leaves Connect's full answer out", async () => {
    const { contacts: rows, nextCursor } = await listContacts(h.db, query());
    expect(ids(rows)).toEqual(["c-inbound", "c-event-unknown", "c-wa-test", "c-sms-ended", "c-sms-open"]);
    expect(nextCursor).toBeNull();
    expect(rows.at(-1)).toMatchObject({ campaignName: "Spring reminders", origin: "campaign", state: "open" });
    expect(rows[0]).toMatchObject({ campaignName: null });
    expect(rows[0]).not.toHaveProperty("details");
  });

  it("filters by state, channel, origin, campaign and creation date, alone and together", async () => {
    expect(ids((await listContacts(h.db, query({ state: "ended" }))).contacts)).toEqual(["c-sms-ended"]);
    expect(ids((await listContacts(h.db, query({ state: "unknown" }))).contacts)).toEqual(["c-event-unknown"]);
    expect(ids((await listContacts(h.db, query({ channel: "whatsapp" }))).contacts)).toEqual(["c-wa-test"]);
    expect(ids((await listContacts(h.db, query({ origin: "inbound" }))).contacts)).toEqual(["c-inbound"]);
    expect(ids((await listContacts(h.db, query({ campaignId: CAMPAIGN }))).contacts)).toEqual(["c-sms-ended", "c-sms-open"]);
    const range = { from: new Date("2026-01-02T00:00:00Z"), to: new Date("2026-01-04T23:59:59.999Z") };
    expect(ids((await listContacts(h.db, query(range))).contacts)).toEqual(["c-event-unknown", "c-wa-test", "c-sms-ended"]);
    expect(ids((await listContacts(h.db, query({ ...range, channel: "sms", state: "open" }))).contacts)).toEqual([]);
    expect(ids((await listContacts(h.db, query({ ...range, channel: "sms" }))).contacts)).toEqual(["c-event-unknown", "c-sms-ended"]);
  });

  it("searches a ContactId exactly, and customer or source numbers by their digits", async () => {
    expect(ids((await listContacts(h.db, query({ q: "c-wa-test" }))).contacts)).toEqual(["c-wa-test"]);
    // Part of an id is not an id.
    expect(ids((await listContacts(h.db, query({ q: "c-wa" }))).contacts)).toEqual([]);
    expect(ids((await listContacts(h.db, query({ q: "(206) 555-01" }))).contacts)).toEqual(["c-event-unknown", "c-sms-ended", "c-sms-open"]);
    expect(ids((await listContacts(h.db, query({ q: "555 0111" }))).contacts)).toEqual(["c-sms-ended"]);
    // Written the national way, with its leading 0.
    expect(ids((await listContacts(h.db, query({ q: "020 7946 0958" }))).contacts)).toEqual(["c-wa-test"]);
    // The Connect number the chat ran on.
    expect(ids((await listContacts(h.db, query({ q: "+1 312 555" }))).contacts)).toEqual(["c-event-unknown"]);
    // LIKE wildcards typed into the box are text, not patterns.
    expect(ids((await listContacts(h.db, query({ q: "%" }))).contacts)).toEqual([]);
  });

  it("pages by keyset: contacts recorded between pages neither repeat nor push any row off", async () => {
    const h2 = await createTestDb();
    try {
      // Two rows share a creation time to the microsecond, across what becomes a page boundary.
      const times = [
        "2026-02-01T00:00:00.000001Z",
        "2026-02-01T00:00:00.000002Z",
        "2026-02-01T00:00:00.000002Z",
        "2026-02-01T00:00:00.000003Z",
        "2026-02-02T00:00:00Z",
        "2026-02-03T00:00:00Z",
        "2026-02-04T00:00:00Z",
      ];
      for (const [i, at] of times.entries()) await put(h2, contact(`k-${i}`, { campaignId: null }), at);
      const expected = ["k-6", "k-5", "k-4", "k-3", "k-2", "k-1", "k-0"];

      const seen: string[] = [];
      let cursor: string | undefined;
      let newer = 0;
      do {
        const page = await listContacts(h2.db, query({ limit: 2, cursor }));
        seen.push(...ids(page.contacts));
        cursor = page.nextCursor ?? undefined;
        // Recorded now, so newer than everything listed: they belong before the first page, not in the next one.
        await put(h2, contact(`new-${newer++}`, { campaignId: null }));
      } while (cursor);

      expect(seen).toEqual(expected);
      const all = [];
      for await (const row of iterateContacts(h2.db, {}, 3)) all.push(row.contactId);
      expect(all.slice(newer)).toEqual(expected);
      expect(new Set(all).size).toBe(all.length);
    } finally {
      await h2.close();
    }
  });

  it("refuses a cursor it did not hand out, and a filter that makes no sense", async () => {
    await expect(listContacts(h.db, query({ cursor: "not-a-cursor" }))).rejects.toBeInstanceOf(UserFacingError);
    const bad = contactListSchema.safeParse({ state: "closed", campaignId: "nope", from: "2026-02-01", to: "2026-01-01" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({ state: "state must be one of open, ended, unknown", campaignId: "is not a campaign id" });
    // Blank form fields mean "no filter".
    expect(contactListSchema.parse({ q: "", state: "", channel: "", origin: "", campaignId: "", from: "", to: "" })).toEqual({ limit: 50 });
  });

  it("reads one contact with its campaign, and undefined for one it never recorded", async () => {
    expect(await getContact(h.db, "c-sms-open")).toMatchObject({ contactId: "c-sms-open", campaignName: "Spring reminders", details: null });
    expect(await getContact(h.db, "c-unknown")).toBeUndefined();
  });

  it("lists the events sent into a contact newest first, an inbound message the bridge forwarded only once", async () => {
    const [integration] = await h.db
      .insert(inboundIntegrations)
      .values({
        name: "SMS",
        channel: "sms",
        instanceId: "i-1",
        phoneNumberArn: "arn:n",
        phoneNumber: "+13125550199",
        destinationArn: "arn:d",
        secretCiphertext: "x",
        secretPrefix: "x",
        createdBy: "admin@example.com",
      })
      .returning();
    const inbound = (messageId: string, receivedAt: string, text: string) =>
      h.db
        .insert(inboundMessages)
        .values({
          integrationId: integration!.id,
          messageId,
          receivedAt: new Date(receivedAt),
          fromPhone: "+12065550100",
          toPhone: "+13125550199",
          type: "message",
          text,
          contactId: "c-event-unknown",
        })
        .returning();
    const [forwarded] = await inbound("m-1", "2026-01-04T10:01:00Z", "hello");
    await inbound("m-2", "2026-01-04T10:05:00Z", "still there?");
    const event = { channel: "sms" as const, sourceId: "+12065550100", destinationId: "arn:d", contactId: "c-event-unknown", status: "sent" };
    await h.db.insert(chatEvents).values([
      {
        ...event,
        createdAt: new Date("2026-01-04T10:00:00Z"),
        origin: "console",
        actorEmail: "sam@example.com",
        eventType: "MESSAGE",
        contentType: "text/plain",
        content: "Hi from the console",
      },
      {
        ...event,
        createdAt: new Date("2026-01-04T10:01:01Z"),
        origin: "inbound",
        actorEmail: "system",
        inboundMessageId: forwarded!.id,
        eventType: "MESSAGE",
        contentType: "text/plain",
        content: "hello",
      },
      {
        ...event,
        createdAt: new Date("2026-01-04T10:06:00Z"),
        origin: "console",
        actorEmail: "sam@example.com",
        eventType: "DISCONNECT",
        status: "failed",
        errorName: "InvalidRequestException",
        errorMessage: "no active chat",
      },
      {
        ...event,
        contactId: "c-other",
        origin: "console",
        actorEmail: "sam@example.com",
        eventType: "MESSAGE",
        contentType: "text/plain",
        content: "elsewhere",
      },
    ]);

    const events = await contactEvents(h.db, "c-event-unknown");
    expect(events.map((e) => [e.source, e.type, e.content, e.origin, e.by, e.status])).toEqual([
      ["chat_event", "DISCONNECT", null, "console", "sam@example.com", "failed"],
      ["inbound_message", "message", "still there?", "inbound", "+12065550100", "queued"],
      ["chat_event", "MESSAGE", "hello", "inbound", "system", "sent"],
      ["chat_event", "MESSAGE", "Hi from the console", "console", "sam@example.com", "sent"],
    ]);
    expect(events[0]!.error).toBe("InvalidRequestException: no active chat");
    expect(await contactEvents(h.db, "c-sms-open")).toEqual([]);
  });
});
