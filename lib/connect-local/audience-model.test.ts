// The audience model seen from outside: chats started with the Connect SDK, time stepped with /_local/clock, and what the
// simulated recipients did read back from /_local/events, /_local/audience and the streamed SQS messages.
import { StartOutboundChatContactCommand, StopContactCommand, type StartOutboundChatContactCommandInput } from "@aws-sdk/client-connect";
import { describe, expect, it } from "vitest";
import type { AudienceConfigInput } from "./audience-config";
import { connectLocalOptionsFromEnv, parseAudience } from "./env-options";
import { EVENT, itemOf, queueUrl, receiveAll, streamedChat } from "./streaming-test-kit";
import { fixtures, harnessForFile, outboundChatRequest } from "./test-harness";

const h = harnessForFile();

// Simulated time barely moves on its own, so tests step it exactly with advanceClock.
const FROZEN = 1e-9;
const DELIVERED = `${EVENT}.message.delivered`;
const READ = `${EVENT}.message.read`;
const ANSWER = "text/plain";

interface LocalEvent {
  contactId: string | null;
  receivedAt: string;
  newChatCreated: boolean;
  request: { Event: { Type: string; ContentType: string; Content?: string } };
}

interface StageCounts {
  scheduled: number;
  emitted: number;
  skipped: number;
  failed: number;
}

interface AudienceView {
  enabled: boolean;
  pending: number;
  caughtUp: boolean;
  chatsDrawn: number;
  newChatsFromLateReplies: number;
  stages: Record<"delivered" | "read" | "reply" | "stop", StageCounts>;
}

async function configureAudience(audience: AudienceConfigInput, more: Record<string, unknown> = {}) {
  await h.setConfig({ clockSpeed: FROZEN, maxActiveChats: 100_000, audience, ...more });
}

async function audienceView(): Promise<AudienceView> {
  const response = await h.raw("GET", "/_local/audience");
  expect(response.status).toBe(200);
  return response.body as unknown as AudienceView;
}

/** Steps the clock and waits until every step due by then has gone into its chat. */
async function advance(seconds: number): Promise<AudienceView> {
  await h.advanceClock(seconds);
  for (let attempt = 0; attempt < 500; attempt++) {
    const view = await audienceView();
    if (view.caughtUp) return view;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the audience model did not catch up with the clock");
}

const customerNumber = (i: number) => `+1555${String(2_000_000 + i).padStart(7, "0")}`;

/** `count` SMS chats to distinct customers, ClientToken `${prefix}-${i}`, started a few at a time. */
async function startChats(count: number, prefix: string, overrides: (i: number) => Record<string, unknown> = () => ({})): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < count; from += 50) {
    const batch = Array.from({ length: Math.min(50, count - from) }, (_, j) => from + j);
    const started = await Promise.all(
      batch.map(async (i) => {
        const input = outboundChatRequest({
          DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: customerNumber(i) },
          ClientToken: `${prefix}-${i}`,
          ...overrides(i),
        });
        const output = await h.connect.send(new StartOutboundChatContactCommand(input as unknown as StartOutboundChatContactCommandInput));
        return output.ContactId!;
      }),
    );
    ids.push(...started);
  }
  return ids;
}

/** Each chat's integration events as [content type, content], in the order the chat got them. */
async function eventsByChat(): Promise<Map<string, LocalEvent[]>> {
  const { events } = await h.contacts();
  const byChat = new Map<string, LocalEvent[]>();
  for (const event of events as unknown as LocalEvent[]) {
    if (!event.contactId) continue;
    byChat.set(event.contactId, [...(byChat.get(event.contactId) ?? []), event]);
  }
  return byChat;
}

const kinds = (events: LocalEvent[] | undefined) => (events ?? []).map((event) => event.request.Event.ContentType);

describe("the audience model", () => {
  it("is off by default: outbound chats get nothing back", async () => {
    expect(await audienceView()).toMatchObject({ enabled: false, pending: 0, chatsDrawn: 0 });
    await h.setConfig({ clockSpeed: FROZEN });
    await startChats(20, "off");
    const view = await advance(24 * 60 * 60);
    expect(view.chatsDrawn).toBe(0);
    expect(view.stages.delivered.scheduled).toBe(0);
    expect((await h.contacts()).events).toEqual([]);
  });

  it("draws delivered, read, reply and STOP shares within tolerance over 2,000 chats, at the configured delays", async () => {
    await configureAudience({
      enabled: true,
      delivered: 0.9,
      read: 0.5,
      replied: 0.2,
      stop: 0.1,
      replies: ["Yes please", "Not now"],
      delays: { delivered: { min: 1, max: 3 }, read: { min: 5, max: 60 }, reply: { min: 10, max: 120 } },
    });
    const ids = await startChats(2_000, "funnel");
    const view = await advance(200);

    const byChat = await eventsByChat();
    const count = (predicate: (events: LocalEvent[]) => boolean) => ids.filter((id) => predicate(byChat.get(id) ?? [])).length;
    const delivered = count((events) => kinds(events).includes(DELIVERED));
    const read = count((events) => kinds(events).includes(READ));
    const answers = ids.flatMap((id) => (byChat.get(id) ?? []).filter((event) => event.request.Event.ContentType === ANSWER));
    const stops = answers.filter((event) => event.request.Event.Content === "STOP").length;
    const replies = answers.length - stops;

    expect(Math.abs(delivered / 2_000 - 0.9)).toBeLessThan(0.03);
    expect(Math.abs(read / delivered - 0.5)).toBeLessThan(0.04);
    expect(Math.abs(replies / read - 0.2)).toBeLessThan(0.04);
    expect(Math.abs(stops / read - 0.1)).toBeLessThan(0.03);
    for (const event of answers.filter((answer) => answer.request.Event.Content !== "STOP")) {
      expect(["Yes please", "Not now"]).toContain(event.request.Event.Content);
    }
    // Each chat gets its steps in funnel order, and never more than one answer.
    for (const id of ids) {
      const sequence = kinds(byChat.get(id));
      expect([[], [DELIVERED], [DELIVERED, READ], [DELIVERED, READ, ANSWER]]).toContainEqual(sequence);
    }
    expect(view.stages).toEqual({
      delivered: { scheduled: delivered, emitted: delivered, skipped: 0, failed: 0 },
      read: { scheduled: read, emitted: read, skipped: 0, failed: 0 },
      reply: { scheduled: replies, emitted: replies, skipped: 0, failed: 0 },
      stop: { scheduled: stops, emitted: stops, skipped: 0, failed: 0 },
    });
    expect(view).toMatchObject({ chatsDrawn: 2_000, pending: 0 });

    // Delays on the simulated clock: delivered 1–3 s after the start, read 5–60 s after that, the answer 10–120 s later.
    const { contacts } = await h.contacts();
    const startedAt = new Map(contacts.map((contact) => [contact.contactId, Date.parse((contact as unknown as { initiatedAt: string }).initiatedAt)]));
    const gaps: number[][] = [];
    for (const id of ids) {
      const times = [startedAt.get(id)!, ...(byChat.get(id) ?? []).map((event) => Date.parse(event.receivedAt))];
      gaps.push(times.slice(1).map((time, i) => time - times[i]!));
    }
    const within = (stage: number, min: number, max: number) =>
      gaps.filter((chat) => chat.length > stage).every((chat) => chat[stage]! >= min * 1000 && chat[stage]! <= max * 1000);
    expect(within(0, 1, 3)).toBe(true);
    expect(within(1, 5, 60)).toBe(true);
    expect(within(2, 10, 120)).toBe(true);
  }, 120_000);

  it("sends nothing before its time and everything once the clock reaches it", async () => {
    await configureAudience({ enabled: true, delivered: 1, read: 1, replied: 1, stop: 0, delays: fixedDelays(10, 20, 30) });
    const [id] = await startChats(1, "steps");
    expect(kinds((await eventsByChat()).get(id!))).toEqual([]);
    await advance(9);
    expect(kinds((await eventsByChat()).get(id!))).toEqual([]);
    await advance(2);
    expect(kinds((await eventsByChat()).get(id!))).toEqual([DELIVERED]);
    await advance(20);
    expect(kinds((await eventsByChat()).get(id!))).toEqual([DELIVERED, READ]);
    const view = await advance(30);
    expect(kinds((await eventsByChat()).get(id!))).toEqual([DELIVERED, READ, ANSWER]);
    expect(view).toMatchObject({ pending: 0, caughtUp: true });
  });

  it("repeats the same outcome for the same ClientTokens and seed, and another seed draws another", async () => {
    const config = { enabled: true, delivered: 0.7, read: 0.5, replied: 0.3, stop: 0.2 } as const;
    const outcome = async (seed: string) => {
      await h.reset();
      await configureAudience({ ...config, seed });
      const ids = await startChats(200, "repeat");
      await advance(400);
      const byChat = await eventsByChat();
      // Receipts name the chat's own message id, which is new on every run; what happened, when and what was said are not.
      const startedAt = new Map(
        (await h.contacts()).contacts.map((contact) => [contact.contactId, Date.parse((contact as unknown as { initiatedAt: string }).initiatedAt)]),
      );
      return ids.map((id) =>
        (byChat.get(id) ?? []).map((event) => {
          const { ContentType, Content } = event.request.Event;
          return `${ContentType} +${Date.parse(event.receivedAt) - startedAt.get(id)!}ms ${ContentType === ANSWER ? Content : ""}`;
        }),
      );
    };
    const first = await outcome("run");
    expect(first.filter((chat) => chat.length > 0).length).toBeGreaterThan(100);
    expect(await outcome("run")).toEqual(first);
    expect(await outcome("another run")).not.toEqual(first);
  }, 60_000);

  it("sends the receipts and a STOP as the customer, naming the flow's message, on the chat's stream", async () => {
    await configureAudience({ enabled: true, delivered: 1, read: 1, replied: 0, stop: 1, delays: fixedDelays(1, 5, 10) });
    const { contactId } = await streamedChat(h);
    await advance(20);
    const items = (await receiveAll(h, await queueUrl(h))).map(itemOf);
    expect(items.map((item) => [item.Type, item.ContentType, item.ParticipantRole])).toEqual([
      ["EVENT", `${EVENT}.participant.joined`, "CUSTOMER"],
      ["MESSAGE", "text/plain", "SYSTEM"],
      ["EVENT", DELIVERED, "CUSTOMER"],
      ["EVENT", READ, "CUSTOMER"],
      ["MESSAGE", "text/plain", "CUSTOMER"],
    ]);
    const flowMessageId = items[1]!.Id;
    expect(JSON.parse(items[2]!.Content!)).toEqual({ messageId: flowMessageId });
    expect(JSON.parse(items[3]!.Content!)).toEqual({ messageId: flowMessageId });
    expect(items[4]!.Content).toBe("STOP");
    expect(items.every((item) => item.ContactId === contactId)).toBe(true);
    // On the simulated clock at the drawn times: 1 s, then 5 s, then 10 s later.
    const times = items.map((item) => Date.parse(item.AbsoluteTime));
    expect([times[2]! - times[1]!, times[3]! - times[2]!, times[4]! - times[3]!]).toEqual([1_000, 5_000, 10_000]);
  });

  it("adds nothing to a chat once it has ended; a late reply starts a new chat, streamed to the same topic", async () => {
    await configureAudience({ enabled: true, delivered: 1, read: 1, replied: 1, stop: 0, replies: ["Is this still on?"], delays: fixedDelays(1, 10, 10) });
    const { contactId } = await streamedChat(h);
    await advance(5);
    await h.connect.send(new StopContactCommand({ InstanceId: fixtures.instance.id, ContactId: contactId }));
    const view = await advance(60);

    const byChat = await eventsByChat();
    expect(kinds(byChat.get(contactId))).toEqual([DELIVERED]);
    const newChat = [...byChat.entries()].find(([id]) => id !== contactId);
    expect(newChat?.[1].map((event) => [event.request.Event.Content, event.newChatCreated])).toEqual([["Is this still on?", true]]);
    expect(view.stages.read).toMatchObject({ scheduled: 1, emitted: 0, skipped: 1 });
    expect(view.stages.reply).toMatchObject({ scheduled: 1, emitted: 1, skipped: 0 });
    expect(view.newChatsFromLateReplies).toBe(1);

    const items = (await receiveAll(h, await queueUrl(h))).map(itemOf);
    const ended = items.filter((item) => item.ContactId === contactId).map((item) => item.ContentType);
    expect(ended).toEqual([`${EVENT}.participant.joined`, "text/plain", DELIVERED, `${EVENT}.participant.left`, `${EVENT}.chat.ended`]);
    const late = items.filter((item) => item.ContactId === newChat?.[0]);
    expect(late.map((item) => [item.ContentType, item.ParticipantRole, item.Content])).toEqual([
      [`${EVENT}.participant.joined`, "CUSTOMER", undefined],
      ["text/plain", "CUSTOMER", "Is this still on?"],
    ]);
  });

  it("drops an answer after the chat ended when told to skip, and receipts after a flow ended the chat", async () => {
    await configureAudience({ enabled: true, delivered: 1, read: 1, replied: 1, stop: 0, delays: fixedDelays(20, 20, 20), replyAfterEnd: "skip" });
    // The flow disconnects its chats 30 s in: delivered at 20 s arrives, read at 40 s and the reply at 60 s do not.
    const [id] = await startChats(1, "flow-end", () => ({ ContactFlowId: fixtures.sendAndDisconnectFlow.id }));
    const view = await advance(300);
    expect(kinds((await eventsByChat()).get(id!))).toEqual([DELIVERED]);
    expect((await h.contacts()).contacts).toHaveLength(1);
    expect(view.stages).toMatchObject({ delivered: { emitted: 1 }, read: { skipped: 1 }, reply: { skipped: 1 } });
  });

  it("uses the channel's settings and the first matching override", async () => {
    await configureAudience({
      enabled: true,
      delivered: 1,
      read: 0,
      channels: { WHATSAPP: { read: 1, replied: 0, stop: 0 } },
      overrides: [
        { match: { attribute: { name: "campaign", value: "quiet" } }, delivered: 0 },
        { match: { contactFlowId: fixtures.smsFlow.id }, read: 1, replied: 0, stop: 0 },
      ],
    });
    const quiet = await startChats(10, "quiet", () => ({ Attributes: { campaign: "quiet" } }));
    const loud = await startChats(10, "loud", (i) => ({ DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: customerNumber(100 + i) } }));
    const whatsApp = await startChats(10, "wa", (i) => ({
      DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: customerNumber(200 + i) },
      ContactFlowId: fixtures.otherSmsFlow.id,
      InstanceId: fixtures.otherInstance.id,
      SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: fixtures.otherWhatsAppNumber.arn },
      SegmentAttributes: { "connect:Subtype": { ValueString: "connect:WhatsApp" } },
      InitialSystemMessage: { ContentType: "text/plain", Content: "Hello" },
    }));
    await advance(400);
    const byChat = await eventsByChat();
    expect(quiet.map((id) => kinds(byChat.get(id)))).toEqual(quiet.map(() => []));
    expect(loud.map((id) => kinds(byChat.get(id)))).toEqual(loud.map(() => [DELIVERED, READ]));
    expect(whatsApp.map((id) => kinds(byChat.get(id)))).toEqual(whatsApp.map(() => [DELIVERED, READ]));
  });

  it("refuses settings that are not a funnel, with a message that says why", async () => {
    const refused = async (audience: unknown) => {
      const response = await h.raw("PUT", "/_local/config", { audience });
      expect(response.status).toBe(400);
      return String(response.body.message ?? response.body.Message);
    };
    expect(await refused({ enabled: true, read: 1.5 })).toMatch(/share from 0 to 1[\s\S]*audience\.read/);
    expect(await refused({ enabled: true, replied: 0.8, stop: 0.3 })).toMatch(/replied \(0\.8\) \+ stop \(0\.3\) is above 1/);
    expect(await refused({ enabled: true, delays: { delivered: { min: 5, max: 1 }, read: { min: 1, max: 2 }, reply: { min: 1, max: 2 } } })).toMatch(
      /min must not be above max/,
    );
    expect(await refused({ enabled: true, overrides: [{ match: {}, read: 1 }] })).toMatch(/match must name an attribute, a contactFlowId or a phoneNumberId/);
    expect(await refused({ enabled: true, channels: { SMS: { replied: 0.9, stop: 0.2 } } })).toMatch(/SMS chats/);
    expect(await refused({ enabled: true, replies: [] })).toMatch(/at least one reply text/);
    expect(await refused({ enabled: "yes" })).toMatch(/enabled/);
    expect(await audienceView()).toMatchObject({ enabled: false });

    expect(parseAudience("on")).toEqual({ enabled: true });
    expect(parseAudience('{"enabled":true,"read":0.4}')).toEqual({ enabled: true, read: 0.4 });
    expect(parseAudience("maybe")).toMatch(/must be on, off or a JSON object/);
    expect(parseAudience('{"enabled":true,"stop":2}')).toMatch(/is not a valid audience setting: .*stop/);
    expect(connectLocalOptionsFromEnv({ CONNECT_LOCAL_AUDIENCE: '{"enabled":true,"delivered":0.8}' } as unknown as NodeJS.ProcessEnv).config).toEqual({
      audience: { enabled: true, delivered: 0.8 },
    });
    expect(() => connectLocalOptionsFromEnv({ CONNECT_LOCAL_AUDIENCE: "sometimes" } as unknown as NodeJS.ProcessEnv)).toThrow(
      /CONNECT_LOCAL_AUDIENCE must be on, off/,
    );
  });
});

function fixedDelays(delivered: number, read: number, reply: number) {
  return { delivered: { min: delivered, max: delivered }, read: { min: read, max: read }, reply: { min: reply, max: reply } };
}
