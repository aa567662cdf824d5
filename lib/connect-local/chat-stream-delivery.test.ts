// What a streamed chat puts on a subscribed SQS queue, read with the real SDKs (contract-streaming.md S.3, S.4).
import { createHash, verify } from "node:crypto";
import {
  InvalidRequestException,
  ResourceNotFoundException,
  StopContactCommand,
  StopContactStreamingCommand,
  type StartOutboundChatContactCommandInput,
} from "@aws-sdk/client-connect";
import { ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { describe, expect, it } from "vitest";
import { notificationStringToSign } from "./sns-signature";
import {
  EVENT,
  TOPIC_ARN,
  contentTypes,
  customerEvent,
  envelopeOf,
  itemOf,
  queueUrl,
  receiveAll,
  startOutbound,
  startStreaming,
  streamedChat,
} from "./streaming-test-kit";
import { catalog, fixtures, harnessForFile } from "./test-harness";

const h = harnessForFile();

// Simulated time barely moves on its own, so tests step it exactly with advanceClock.
const FROZEN = 1e-9;
const text = (Content: string) => ({ Type: "MESSAGE", ContentType: "text/plain", Content }) as const;
const receipt = (kind: "delivered" | "read", messageId: string) =>
  ({ Type: "EVENT", ContentType: `${EVENT}.message.${kind}`, Content: JSON.stringify({ messageId }) }) as const;
const stopContact = (ContactId: string) => h.connect.send(new StopContactCommand({ InstanceId: fixtures.instance.id, ContactId }));

describe("a streamed SMS chat", () => {
  it("publishes its opening and each integration message and event in order, with the documented attributes", async () => {
    const { contactId } = await streamedChat(h, { InitialSystemMessage: { ContentType: "text/plain", Content: "Your parcel arrives today" } });
    await customerEvent(h, { Type: "EVENT", ContentType: `${EVENT}.typing` });
    await customerEvent(h, text("Can you leave it next door?"));
    await customerEvent(h, receipt("delivered", "m-1"));
    await customerEvent(h, receipt("read", "m-1"));

    const messages = await receiveAll(h, await queueUrl(h));
    const items = messages.map(itemOf);
    expect(items.map((item) => [item.Type, item.ContentType, item.ParticipantRole, item.Content])).toEqual([
      ["EVENT", `${EVENT}.participant.joined`, "CUSTOMER", undefined],
      ["MESSAGE", "text/plain", "SYSTEM", "Your parcel arrives today"],
      ["EVENT", `${EVENT}.typing`, "CUSTOMER", undefined],
      ["MESSAGE", "text/plain", "CUSTOMER", "Can you leave it next door?"],
      ["EVENT", `${EVENT}.message.delivered`, "CUSTOMER", '{"messageId":"m-1"}'],
      ["EVENT", `${EVENT}.message.read`, "CUSTOMER", '{"messageId":"m-1"}'],
    ]);
    expect(new Set(items.map((item) => item.Id)).size).toBe(items.length);
    expect(items.every((item) => item.ContactId === contactId && item.InitialContactId === contactId)).toBe(true);
    const times = items.map((item) => Date.parse(item.AbsoluteTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(items[0]).toMatchObject({ DisplayName: "Customer" });
    expect(items[1]).toMatchObject({ DisplayName: "SYSTEM_MESSAGE" });
    expect(items[0]!.ParticipantId).toBe(items[3]!.ParticipantId);
    expect(items[1]!.ParticipantId).not.toBe(items[0]!.ParticipantId);

    const message = envelopeOf(messages[3]!);
    expect(message).toMatchObject({ Type: "Notification", TopicArn: TOPIC_ARN, SignatureVersion: "1" });
    expect(message.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(message.MessageAttributes).toEqual({
      InitialContactId: { Type: "String", Value: contactId },
      MessageVisibility: { Type: "String", Value: "ALL" },
      Type: { Type: "String", Value: "MESSAGE" },
      AccountId: { Type: "String", Value: catalog.accountId },
      ContentType: { Type: "String", Value: "text/plain" },
      InstanceId: { Type: "String", Value: fixtures.instance.id },
      ContactId: { Type: "String", Value: contactId },
      ParticipantRole: { Type: "String", Value: "CUSTOMER" },
    });
    expect(messages[3]!.MD5OfBody).toBe(createHash("md5").update(messages[3]!.Body!).digest("hex"));
  });

  it("signs each notification so it verifies with the key at SigningCertURL", async () => {
    await streamedChat(h);
    const [first] = await receiveAll(h, await queueUrl(h));
    const envelope = envelopeOf(first!);
    expect(envelope.SigningCertURL.startsWith(h.server.url)).toBe(true);
    const publicKey = await (await fetch(envelope.SigningCertURL)).text();
    const signed = Buffer.from(notificationStringToSign(envelope), "utf8");
    expect(verify("sha1", signed, publicKey, Buffer.from(envelope.Signature, "base64"))).toBe(true);
    const tampered = Buffer.from(notificationStringToSign({ ...envelope, Message: `${envelope.Message} ` }), "utf8");
    expect(verify("sha1", tampered, publicKey, Buffer.from(envelope.Signature, "base64"))).toBe(false);
  });

  it("opens a WhatsApp chat with its template filled in", async () => {
    const contactId = await startOutbound(h, {
      SegmentAttributes: { "connect:Subtype": { ValueString: "connect:WhatsApp" } },
      InitialTemplatedSystemMessage: {
        KnowledgeBaseId: fixtures.templatesKb.id,
        MessageTemplateId: fixtures.whatsappTemplate.id,
        TemplateAttributes: { CustomAttributes: Object.fromEntries(fixtures.whatsappTemplate.variables.map((name) => [name, `<${name}>`])) },
      },
    } as Partial<StartOutboundChatContactCommandInput>);
    await startStreaming(h, contactId);
    const [, opening] = (await receiveAll(h, await queueUrl(h))).map(itemOf);
    expect(opening?.ParticipantRole).toBe("SYSTEM");
    expect(opening?.Content).not.toMatch(/\{\{/);
    for (const name of fixtures.whatsappTemplate.variables) expect(opening?.Content).toContain(`<${name}>`);
  });

  it("does not replay customer messages from before the stream started", async () => {
    const contactId = await startOutbound(h);
    await customerEvent(h, text("before the stream"));
    await startStreaming(h, contactId);
    await customerEvent(h, text("after the stream"));
    const items = (await receiveAll(h, await queueUrl(h))).map(itemOf);
    expect(items.map((item) => item.Content ?? item.ContentType)).toEqual([
      `${EVENT}.participant.joined`,
      "Message from flow Outbound SMS notifications",
      "after the stream",
    ]);
  });

  it("publishes to each topic and to every queue subscribed to it, the same items under separate notifications", async () => {
    const second = (await h.raw("POST", "/_local/streaming/topics", { name: "audit-stream" })).body.arn as string;
    await h.raw("POST", "/_local/streaming/queues", { name: "audit", topicArns: [second] });
    await h.raw("POST", "/_local/streaming/queues", { name: "mirror", topicArns: [TOPIC_ARN] });
    const { contactId } = await streamedChat(h);
    await startStreaming(h, contactId, second);
    await customerEvent(h, text("hello"));

    const [main, mirror, audit] = [
      await receiveAll(h, await queueUrl(h)),
      await receiveAll(h, await queueUrl(h, "mirror")),
      await receiveAll(h, await queueUrl(h, "audit")),
    ];
    expect(main.map((m) => itemOf(m).Id)).toEqual(audit.map((m) => itemOf(m).Id));
    expect(mirror.map((m) => envelopeOf(m).MessageId)).toEqual(main.map((m) => envelopeOf(m).MessageId));
    expect(audit.map((m) => envelopeOf(m).TopicArn)).toEqual(Array(3).fill(second));
    expect(new Set([...main, ...audit].map((m) => envelopeOf(m).MessageId)).size).toBe(6);
  });

  it("stops reaching a queue once its UnsubscribeURL is visited", async () => {
    await streamedChat(h);
    const [first] = await receiveAll(h, await queueUrl(h));
    expect((await fetch(envelopeOf(first!).UnsubscribeURL)).status).toBe(200);
    await customerEvent(h, text("nobody is listening"));
    expect(await receiveAll(h, await queueUrl(h))).toEqual([]);
  });
});

describe("the end of a streamed chat", () => {
  const ending = [`${EVENT}.participant.left`, `${EVENT}.chat.ended`];

  it("is published when the customer disconnects, and later messages start a chat that is not streamed", async () => {
    const { contactId } = await streamedChat(h);
    await customerEvent(h, { Type: "DISCONNECT" });
    await customerEvent(h, text("one more thing"));
    const messages = await receiveAll(h, await queueUrl(h));
    expect(contentTypes(messages).slice(2)).toEqual(ending);
    const ended = itemOf(messages[3]!);
    expect(ended).toMatchObject({ ContactId: contactId, Type: "EVENT" });
    expect(ended.ParticipantRole).toBeUndefined();
    expect(envelopeOf(messages[3]!).MessageAttributes.ParticipantRole).toBeUndefined();
    expect((await h.raw("GET", "/_local/streaming")).body.streams).toEqual([]);
  });

  it("is published when StopContact ends the chat", async () => {
    const { contactId } = await streamedChat(h);
    await stopContact(contactId);
    await stopContact(contactId);
    expect(contentTypes(await receiveAll(h, await queueUrl(h))).slice(2)).toEqual(ending);
  });

  it("is published when the flow disconnects the chat, at the moment it did, without any request", async () => {
    await h.setConfig({ clockSpeed: FROZEN });
    const seconds = fixtures.sendAndDisconnectFlow.endsChatAfterSeconds!;
    await streamedChat(h, { ContactFlowId: fixtures.sendAndDisconnectFlow.id });
    const url = await queueUrl(h);
    const [joined] = (await receiveAll(h, url)).map(itemOf);
    await h.advanceClock(seconds - 1);
    expect(await receiveAll(h, url)).toEqual([]);
    await h.advanceClock(5);
    const messages = await receiveAll(h, url);
    expect(contentTypes(messages)).toEqual(ending);
    const endedAt = Date.parse(itemOf(messages[1]!).AbsoluteTime);
    expect(endedAt - Date.parse(joined!.AbsoluteTime)).toBe(seconds * 1000);
  });

  it("is published when the chat's duration runs out, reaching a consumer already waiting on the queue", async () => {
    await h.setConfig({ clockSpeed: FROZEN });
    await streamedChat(h, { ChatDurationInMinutes: 60 });
    const url = await queueUrl(h);
    await receiveAll(h, url);
    // Sixty simulated minutes pass in about half a second; no request arrives while the consumer waits.
    await h.setConfig({ clockSpeed: 7200 });
    const started = Date.now();
    const { Messages } = await h.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 10 }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(contentTypes(Messages ?? [])).toEqual(ending);
  });

  it("is not published to a stream that was stopped", async () => {
    const { contactId, streamingId } = await streamedChat(h);
    await h.connect.send(new StopContactStreamingCommand({ InstanceId: fixtures.instance.id, ContactId: contactId, StreamingId: streamingId }));
    await stopContact(contactId);
    expect(await receiveAll(h, await queueUrl(h))).toHaveLength(2);
  });
});

describe("a chat started by an integration event with a streaming configuration", () => {
  const newSession = (StreamingEndpointArn: string) => ({ NewSessionDetails: { StreamingConfiguration: { StreamingEndpointArn } } });

  it("is streamed from its first item", async () => {
    const created = await customerEvent(h, text("Hi, is the shop open?"), {
      NewSessionDetails: { ParticipantDetails: { DisplayName: "Grace" }, StreamingConfiguration: { StreamingEndpointArn: TOPIC_ARN } },
    });
    expect(created.NewChatCreated).toBe(true);
    // NewSessionDetails are ignored for an event that joins the chat.
    await customerEvent(h, text("Hello?"), newSession(`arn:aws:sns:${catalog.region}:${catalog.accountId}:missing`));
    const items = (await receiveAll(h, await queueUrl(h))).map(itemOf);
    expect(items.map((item) => [item.ContentType, item.Content, item.DisplayName])).toEqual([
      [`${EVENT}.participant.joined`, undefined, "Grace"],
      ["text/plain", "Hi, is the shop open?", "Grace"],
      ["text/plain", "Hello?", "Grace"],
    ]);
    expect(items.every((item) => item.ContactId === created.InitialContactId)).toBe(true);
  });

  it("is refused before it exists when the topic cannot stream", async () => {
    const fifo = customerEvent(h, text("hi"), newSession(`${TOPIC_ARN}.fifo`));
    await expect(fifo).rejects.toBeInstanceOf(InvalidRequestException);
    const missing = customerEvent(h, text("hi"), newSession(`arn:aws:sns:${catalog.region}:${catalog.accountId}:missing`));
    await expect(missing).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect((await h.contacts()).contacts).toEqual([]);
  });
});
