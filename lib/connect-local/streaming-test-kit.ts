// Helpers shared by the chat streaming and SQS endpoint tests: start a streamed chat, read the queue, unwrap envelopes.
import {
  SendChatIntegrationEventCommand,
  StartContactStreamingCommand,
  StartOutboundChatContactCommand,
  type SendChatIntegrationEventCommandInput,
  type StartOutboundChatContactCommandInput,
} from "@aws-sdk/client-connect";
import { GetQueueUrlCommand, ReceiveMessageCommand, type Message } from "@aws-sdk/client-sqs";
import { catalog, fixtures, outboundChatRequest, type Harness } from "./test-harness";

export const TOPIC_ARN = `arn:aws:sns:${catalog.region}:${catalog.accountId}:chat-stream`;
export const CUSTOMER = "+15555550177";

export interface Envelope {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  UnsubscribeURL: string;
  MessageAttributes: Record<string, { Type: string; Value: string }>;
}

export interface Item {
  AbsoluteTime: string;
  Content?: string;
  ContentType: string;
  Id: string;
  Type: string;
  ParticipantId?: string;
  DisplayName?: string;
  ParticipantRole?: string;
  InitialContactId: string;
  ContactId: string;
}

export async function startOutbound(h: Harness, overrides: Record<string, unknown> = {}): Promise<string> {
  const input = outboundChatRequest({ DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: CUSTOMER }, ...overrides });
  return (await h.connect.send(new StartOutboundChatContactCommand(input as unknown as StartOutboundChatContactCommandInput))).ContactId!;
}

export async function startStreaming(h: Harness, contactId: string, topicArn = TOPIC_ARN, clientToken?: string): Promise<string> {
  const input = {
    InstanceId: fixtures.instance.id,
    ContactId: contactId,
    ChatStreamingConfiguration: { StreamingEndpointArn: topicArn },
    ClientToken: clientToken,
  };
  return (await h.connect.send(new StartContactStreamingCommand(input))).StreamingId!;
}

/** An SMS chat to CUSTOMER, streamed to the default topic straight after it starts. */
export async function streamedChat(h: Harness, overrides: Record<string, unknown> = {}) {
  const contactId = await startOutbound(h, overrides);
  const streamingId = await startStreaming(h, contactId);
  return { contactId, streamingId };
}

export function customerEvent(h: Harness, event: SendChatIntegrationEventCommandInput["Event"], overrides: Partial<SendChatIntegrationEventCommandInput> = {}) {
  return h.connect.send(
    new SendChatIntegrationEventCommand({
      SourceId: CUSTOMER,
      DestinationId: fixtures.dualNumber.sourcePhoneNumberArn,
      Subtype: "connect:SMS",
      Event: event,
      ...overrides,
    }),
  );
}

export async function queueUrl(h: Harness, name = "chat-stream"): Promise<string> {
  return (await h.sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
}

/** Receives (and leaves in flight) everything visible now, in the order the queue hands it out. */
export async function receiveAll(h: Harness, url: string): Promise<Message[]> {
  const messages: Message[] = [];
  for (;;) {
    const { Messages } = await h.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ["All"] }));
    if (!Messages?.length) return messages;
    messages.push(...Messages);
  }
}

export const envelopeOf = (message: Message) => JSON.parse(message.Body!) as Envelope;
export const itemOf = (message: Message) => JSON.parse(envelopeOf(message).Message) as Item;
export const contentTypes = (messages: Message[]) => messages.map((message) => itemOf(message).ContentType);

export const EVENT = "application/vnd.amazonaws.connect.event";
