import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeContactCommand,
  LimitExceededException,
  SendChatIntegrationEventCommand,
  StartOutboundChatContactCommand,
  StopContactCommand,
  type StartOutboundChatContactCommandInput,
} from "@aws-sdk/client-connect";
import { describe, expect, it } from "vitest";
import { catalog, fixtures, type Harness, harnessForFile, outboundChatRequest, startHarness } from "./test-harness";

const h = harnessForFile();

// Simulated time barely moves on its own, so each test steps it exactly with advanceClock.
const FROZEN = 1e-9;
const flow = fixtures.sendAndDisconnectFlow;

const start = (client: Harness, overrides: Record<string, unknown> = {}) =>
  client.connect.send(new StartOutboundChatContactCommand(outboundChatRequest(overrides) as unknown as StartOutboundChatContactCommandInput));
const describeContact = async (client: Harness, ContactId: string | undefined) =>
  (await client.connect.send(new DescribeContactCommand({ InstanceId: fixtures.instance.id, ContactId }))).Contact!;

describe("flows that end their chats early", () => {
  it("are in the default seed once per ready instance, as CONTACT_FLOW", () => {
    for (const instance of catalog.instances.filter((i) => i.status === "ACTIVE")) {
      const enders = catalog.flows(instance.id).filter((f) => f.endsChatAfterSeconds !== undefined);
      expect(enders.map((f) => [f.name, f.type, f.state, f.status])).toEqual([["Send and disconnect", "CONTACT_FLOW", "ACTIVE", "PUBLISHED"]]);
    }
  });

  it("disconnect the chat after the stated time and free its concurrent chat slot", async () => {
    expect(flow.endsChatAfterSeconds).toBe(30);
    await h.setConfig({ maxActiveChats: 2, clockSpeed: FROZEN });
    const first = await start(h, { ContactFlowId: flow.id });
    await start(h, { ContactFlowId: flow.id });
    await expect(start(h)).rejects.toBeInstanceOf(LimitExceededException);
    expect((await describeContact(h, first.ContactId)).DisconnectTimestamp).toBeUndefined();

    await h.advanceClock(29);
    await expect(start(h)).rejects.toBeInstanceOf(LimitExceededException);
    await h.advanceClock(1);
    const third = await start(h);
    expect(third.ContactId).toBeTruthy();

    const ended = await describeContact(h, first.ContactId);
    expect(ended.DisconnectReason).toBe("CONTACT_FLOW_DISCONNECT");
    expect(ended.DisconnectTimestamp!.getTime() - ended.InitiationTimestamp!.getTime()).toBe(30_000);
    const { contacts } = await h.contacts();
    expect(contacts.filter((c) => c.status === "ended").map((c) => c.disconnectReason)).toEqual(["CONTACT_FLOW_DISCONNECT", "CONTACT_FLOW_DISCONNECT"]);
    // The chat on an ordinary flow is still open; its flow keeps it until the chat duration runs out.
    expect((await describeContact(h, third.ContactId)).DisconnectTimestamp).toBeUndefined();
  });

  it("end a chat at its duration when that comes first, and a stop before the flow's end wins", async () => {
    await h.setConfig({ clockSpeed: FROZEN, flowEndsChatAfterSeconds: { [flow.id]: 7200 } });
    const long = await start(h, { ContactFlowId: flow.id, ChatDurationInMinutes: 60 });
    const stopped = await start(h, { ContactFlowId: flow.id });
    await h.advanceClock(10);
    await h.connect.send(new StopContactCommand({ InstanceId: fixtures.instance.id, ContactId: stopped.ContactId }));
    await h.advanceClock(3600);
    expect((await describeContact(h, long.ContactId)).DisconnectReason).toBe("EXPIRED");
    expect((await describeContact(h, stopped.ContactId)).DisconnectReason).toBe("API");
  });

  it("take their time from the runtime config; chats already started keep the time they began with", async () => {
    await h.setConfig({ clockSpeed: FROZEN, flowEndsChatAfterSeconds: { [fixtures.smsFlow.id]: 10 } });
    const early = await start(h);
    const beforeChange = await start(h, { ContactFlowId: flow.id });
    await h.setConfig({ flowEndsChatAfterSeconds: { [flow.id]: null } });
    const kept = await start(h, { ContactFlowId: flow.id });

    await h.advanceClock(30);
    expect((await describeContact(h, early.ContactId)).DisconnectReason).toBe("CONTACT_FLOW_DISCONNECT");
    expect((await describeContact(h, beforeChange.ContactId)).DisconnectReason).toBe("CONTACT_FLOW_DISCONNECT");
    expect((await describeContact(h, kept.ContactId)).DisconnectTimestamp).toBeUndefined();
  });

  it("also end inbound chats their number's inbound flow starts", async () => {
    await h.setConfig({ clockSpeed: FROZEN, flowEndsChatAfterSeconds: { [fixtures.inboundFlow.id]: 5 } });
    const event = (Content: string) =>
      h.connect.send(
        new SendChatIntegrationEventCommand({
          SourceId: "+15555550199",
          DestinationId: fixtures.dualNumber.sourcePhoneNumberArn,
          Subtype: "connect:SMS",
          Event: { Type: "MESSAGE", ContentType: "text/plain", Content },
        }),
      );
    const opened = await event("hello");
    expect(opened.NewChatCreated).toBe(true);
    await h.advanceClock(5);
    // The first chat was disconnected by its flow, so the next message starts a new one.
    const next = await event("anyone there?");
    expect(next.NewChatCreated).toBe(true);
    expect((await describeContact(h, opened.InitialContactId)).DisconnectReason).toBe("CONTACT_FLOW_DISCONNECT");
  });

  it("keep a chat's end across a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "connect-local-flow-"));
    try {
      const first = await startHarness({ dataDir, config: { clockSpeed: FROZEN } });
      const { ContactId } = await start(first, { ContactFlowId: flow.id });
      await first.close();
      const second = await startHarness({ dataDir, config: { clockSpeed: FROZEN } });
      try {
        expect((await describeContact(second, ContactId)).DisconnectTimestamp).toBeUndefined();
        await second.advanceClock(30);
        expect((await describeContact(second, ContactId)).DisconnectReason).toBe("CONTACT_FLOW_DISCONNECT");
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
