// A contact's transcript over a real database: both sides of a streamed chat in Connect's order with events in plain
// words, the console's own events merged in unless the stream carried them, keyset pages that neither repeat nor skip,
// and customers' words only for roles allowed to read them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { chatEvents, chatStreamItems, contacts, inboundIntegrations } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import type { CustomerTextReader } from "@/lib/customer-text/redact";
import { UserFacingError } from "@/lib/errors";
import { createTestDb } from "@/lib/testing/test-db";
import { EVENT_CONTENT_TYPE as EVENT, TYPING_CONTENT_TYPE } from "./transcript-labels";
import { readTranscript, type TranscriptEntry } from "./transcript";

const supervisor: CustomerTextReader = { role: "supervisor", minRole: "supervisor" };
const viewer: CustomerTextReader = { role: "viewer", minRole: "supervisor" };
const T0 = Date.parse("2025-05-01T10:00:00.000Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);

let h: DatabaseHandle;
const db = () => h.db;

async function contact(): Promise<string> {
  const contactId = randomUUID();
  await db().insert(contacts).values({ contactId, instanceId: "i-1", channel: "sms", customerPhone: "+12065550100", origin: "test_send", createdBy: "t" });
  return contactId;
}

interface Item {
  seconds: number;
  role: string | null;
  type?: string;
  contentType: string;
  content?: string | null;
  matchedChatEventId?: number;
  receivedAt?: Date;
}
async function streamed(contactId: string, items: Item[]): Promise<void> {
  await db()
    .insert(chatStreamItems)
    .values(
      items.map((i) => ({
        messageId: randomUUID(),
        topicArn: "arn:aws:sns:us-east-1:123456789012:chat-stream",
        contactId,
        initialContactId: contactId,
        instanceId: "i-1",
        itemId: randomUUID(),
        type: i.type ?? (i.contentType.startsWith(EVENT) ? "EVENT" : "MESSAGE"),
        contentType: i.contentType,
        participantRole: i.role,
        content: i.content ?? null,
        absoluteTime: at(i.seconds),
        matchedChatEventId: i.matchedChatEventId ?? null,
        ...(i.receivedAt ? { receivedAt: i.receivedAt } : {}),
      })),
    );
}

async function sent(
  contactId: string,
  e: { seconds: number; eventType?: string; contentType?: string | null; content?: string | null; origin?: string; integrationId?: string; status?: string },
): Promise<number> {
  const [row] = await db()
    .insert(chatEvents)
    .values({
      origin: e.origin ?? "console",
      actorEmail: "sam@example.com",
      integrationId: e.integrationId ?? null,
      channel: "sms",
      sourceId: "+12065550100",
      destinationId: "arn:d",
      eventType: e.eventType ?? "MESSAGE",
      contentType: e.contentType === undefined ? "text/plain" : e.contentType,
      content: e.content ?? null,
      status: e.status ?? "sent",
      errorName: e.status === "failed" ? "AccessDeniedException" : null,
      errorMessage: e.status === "failed" ? "Not allowed" : null,
      contactId,
      createdAt: at(e.seconds),
    })
    .returning({ id: chatEvents.id });
  return row!.id;
}

const summary = (entries: TranscriptEntry[]) => entries.map((e) => [e.source, e.role, e.kind, e.label ?? e.content]);

async function allPages(contactId: string, limit: number, reader = supervisor) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await readTranscript(db(), contactId, reader, { cursor, limit });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 50);
  return pages;
}

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h?.close();
});

describe("a contact's transcript", () => {
  it("lists both sides of a streamed chat in Connect's order, events in plain words, typing left out and counted", async () => {
    const id = await contact();
    // Stored out of order: the transcript follows Connect's time, not arrival.
    await streamed(id, [
      { seconds: 40, role: "CUSTOMER", contentType: `${EVENT}participant.left` },
      { seconds: 0, role: "CUSTOMER", contentType: `${EVENT}participant.joined` },
      { seconds: 1, role: "SYSTEM", contentType: "text/plain", content: "Your order shipped" },
      { seconds: 2, role: "CUSTOMER", contentType: `${EVENT}message.delivered`, content: '{"messageId":"m1"}' },
      { seconds: 3, role: "CUSTOMER", contentType: `${EVENT}message.read`, content: '{"messageId":"m1"}' },
      { seconds: 4, role: "CUSTOMER", contentType: TYPING_CONTENT_TYPE },
      { seconds: 5, role: "CUSTOMER", contentType: "text/plain", content: "Where is it now?" },
      { seconds: 6, role: "CUSTOM_BOT", contentType: "text/plain", content: "Checking…" },
      { seconds: 7, role: "AGENT", contentType: `${EVENT}participant.joined` },
      { seconds: 8, role: "AGENT", contentType: "text/plain", content: "It arrives today" },
      { seconds: 40, role: null, contentType: `${EVENT}chat.ended` },
    ]);
    // Another chat's item is not this one's.
    await streamed(await contact(), [{ seconds: 5, role: "CUSTOMER", contentType: "text/plain", content: "other chat" }]);

    const page = await readTranscript(db(), id, supervisor);
    expect(summary(page.entries)).toEqual([
      ["stream", "CUSTOMER", "event", "Customer joined"],
      ["stream", "SYSTEM", "message", "Your order shipped"],
      ["stream", "CUSTOMER", "event", "Delivered"],
      ["stream", "CUSTOMER", "event", "Read"],
      ["stream", "CUSTOMER", "message", "Where is it now?"],
      ["stream", "CUSTOM_BOT", "message", "Checking…"],
      ["stream", "AGENT", "event", "Agent joined"],
      ["stream", "AGENT", "message", "It arrives today"],
      ["stream", "CUSTOMER", "event", "Customer left"],
      ["stream", null, "event", "Chat ended"],
    ]);
    expect(page.entries[0]!.at).toEqual(at(0));
    expect(page).toMatchObject({ nextCursor: null, typingOmitted: 1 });

    const withTyping = await readTranscript(db(), id, supervisor, { includeTyping: true });
    expect(withTyping.entries.map((e) => e.label)).toContain("Customer is typing");
    expect(withTyping.typingOmitted).toBe(0);
  });

  it("merges in the console's own events the stream did not carry, each naming its source", async () => {
    const id = await contact();
    const [integration] = await db()
      .insert(inboundIntegrations)
      .values({
        name: "Provider SMS",
        channel: "sms",
        instanceId: "i-1",
        phoneNumberArn: "arn:n",
        phoneNumber: "+12065550142",
        destinationArn: "arn:d",
        secretCiphertext: "x",
        secretPrefix: "x",
        createdBy: "admin@example.com",
      })
      .returning({ id: inboundIntegrations.id });
    const carried = await sent(id, { seconds: 10, content: "yes please", origin: "inbound", integrationId: integration!.id });
    const missed = await sent(id, { seconds: 20, content: "are you there?", origin: "inbound", integrationId: integration!.id });
    const typed = await sent(id, { seconds: 25, content: "typed by hand" });
    // A receipt the console sent that came back through the stream moments later: shown once, as the stream's.
    await sent(id, { seconds: 30, eventType: "EVENT", contentType: `${EVENT}message.read`, content: '{"messageId":"m1"}' });
    const failed = await sent(id, { seconds: 35, content: "never arrived", status: "failed" });
    const disconnect = await sent(id, { seconds: 50, eventType: "DISCONNECT", contentType: null });
    await streamed(id, [
      { seconds: 0, role: "SYSTEM", contentType: "text/plain", content: "Hello" },
      { seconds: 11, role: "CUSTOMER", contentType: "text/plain", content: "yes please", matchedChatEventId: carried },
      { seconds: 31, role: "CUSTOMER", contentType: `${EVENT}message.read`, content: '{"messageId":"m1"}', receivedAt: at(31) },
    ]);

    const { entries } = await readTranscript(db(), id, supervisor);
    expect(summary(entries)).toEqual([
      ["stream", "SYSTEM", "message", "Hello"],
      ["stream", "CUSTOMER", "message", "yes please"],
      ["inbound bridge", "CUSTOMER", "message", "are you there?"],
      ["events page", "CUSTOMER", "message", "typed by hand"],
      ["stream", "CUSTOMER", "event", "Read"],
      ["events page", "CUSTOMER", "message", "never arrived"],
      // The DISCONNECT was sent long after the stream's last item (received now, not at 50 s): nothing carried it.
      ["events page", "CUSTOMER", "event", "Customer left"],
    ]);
    expect(entries.find((e) => e.key === `event:${missed}`)).toMatchObject({ integration: "Provider SMS", status: "sent", error: null });
    expect(entries.find((e) => e.key === `event:${typed}`)).toMatchObject({ integration: null, at: at(25) });
    expect(entries.find((e) => e.key === `event:${failed}`)).toMatchObject({ status: "failed", error: "AccessDeniedException: Not allowed" });
    expect(entries.find((e) => e.key === `event:${disconnect}`)).toBeDefined();
    expect(entries.some((e) => e.key === `event:${carried}`)).toBe(false);
  });

  it("shows what the console sent into a chat that is not streamed", async () => {
    const id = await contact();
    await sent(id, { seconds: 1, content: "hi from the bridge", origin: "inbound" });
    const page = await readTranscript(db(), id, supervisor);
    expect(summary(page.entries)).toEqual([["inbound bridge", "CUSTOMER", "message", "hi from the bridge"]]);
    expect(await readTranscript(db(), await contact(), supervisor)).toEqual({ entries: [], nextCursor: null, typingOmitted: 0 });
  });

  it("reads a long chat in pages that neither repeat nor skip, even across equal times of both sources", async () => {
    const id = await contact();
    const items: Item[] = Array.from({ length: 9 }, (_, i) => ({ seconds: Math.floor(i / 3), role: "SYSTEM", contentType: "text/plain", content: `s${i}` }));
    items.push({ seconds: 1, role: "CUSTOMER", contentType: TYPING_CONTENT_TYPE }, { seconds: 2.5, role: "CUSTOMER", contentType: TYPING_CONTENT_TYPE });
    await streamed(id, items);
    // Console events at exactly the same instants as streamed items: after them, in id order.
    await sent(id, { seconds: 1, content: "e1" });
    await sent(id, { seconds: 1, content: "e2" });
    await sent(id, { seconds: 2, content: "e3" });

    const whole = (await readTranscript(db(), id, supervisor)).entries.map((e) => e.content);
    expect(whole).toEqual(["s0", "s1", "s2", "s3", "s4", "s5", "e1", "e2", "s6", "s7", "s8", "e3"]);
    for (const limit of [1, 2, 3, 5, 7]) {
      const pages = await allPages(id, limit);
      expect(pages.flatMap((p) => p.entries.map((e) => e.content))).toEqual(whole);
      expect(pages.at(-1)!.nextCursor).toBeNull();
      expect(pages.every((p) => p.entries.length <= limit)).toBe(true);
      // Each typing indicator is counted on exactly one page.
      expect(pages.reduce((n, p) => n + p.typingOmitted, 0)).toBe(2);
    }
  });

  it("refuses a cursor or page size that is not its own with a clear message", async () => {
    const id = await contact();
    const bad = ["nope", Buffer.from('["x",0,1]').toString("base64url"), Buffer.from('["1",7,1]').toString("base64url")];
    for (const cursor of bad) {
      await expect(readTranscript(db(), id, supervisor, { cursor })).rejects.toThrow(UserFacingError);
      await expect(readTranscript(db(), id, supervisor, { cursor })).rejects.toThrow(/cursor is not valid/);
    }
    await expect(readTranscript(db(), id, supervisor, { limit: 501 })).rejects.toThrow(/limit must be/);
  });

  it("hides the customer's words from roles below CUSTOMER_TEXT_ROLE, never the flow's or the agent's", async () => {
    const id = await contact();
    await streamed(id, [
      { seconds: 0, role: "SYSTEM", contentType: "text/plain", content: "Reply YES to confirm" },
      { seconds: 1, role: "CUSTOMER", contentType: "text/plain", content: "YES, my card ends 4242" },
      { seconds: 2, role: "CUSTOMER", contentType: `${EVENT}message.read`, content: '{"messageId":"m1"}' },
      { seconds: 3, role: "AGENT", contentType: "text/plain", content: "Thanks" },
    ]);
    await sent(id, { seconds: 4, content: "my address is 1 Main St" });

    const hidden = (await readTranscript(db(), id, viewer)).entries;
    expect(hidden.map((e) => [e.content, e.hiddenReason])).toEqual([
      ["Reply YES to confirm", null],
      [null, "hidden: needs the supervisor role"],
      ['{"messageId":"m1"}', null],
      ["Thanks", null],
      [null, "hidden: needs the supervisor role"],
    ]);
    expect(hidden[2]!.label).toBe("Read");
    expect(JSON.stringify(hidden)).not.toMatch(/4242|Main St/);

    const shown = (await readTranscript(db(), id, supervisor)).entries;
    expect(shown.map((e) => e.content)).toContain("YES, my card ends 4242");
    expect(shown.every((e) => e.hiddenReason === null)).toBe(true);
    // With CUSTOMER_TEXT_ROLE=viewer everyone reads them.
    expect((await readTranscript(db(), id, { role: "viewer", minRole: "viewer" })).entries[1]!.content).toBe("YES, my card ends 4242");
  });

  it("keeps microsecond order between items Connect timed within the same millisecond", async () => {
    const id = await contact();
    await streamed(id, [{ seconds: 0, role: "SYSTEM", contentType: "text/plain", content: "second" }]);
    await streamed(id, [{ seconds: 0, role: "SYSTEM", contentType: "text/plain", content: "first" }]);
    await db().execute(
      sql`update ${chatStreamItems} set absolute_time = absolute_time - interval '1 microsecond' where ${chatStreamItems.content} = 'first' and ${chatStreamItems.initialContactId} = ${id}`,
    );
    const pages = await allPages(id, 1);
    expect(pages.flatMap((p) => p.entries.map((e) => e.content))).toEqual(["first", "second"]);
  });
});
