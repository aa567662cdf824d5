// StartOutboundChatContact: validation per contract §3/§10, then resources, idempotency, the concurrency quota and
// the sending ceilings (contract-ceilings.md).
import { randomUUID } from "node:crypto";
import { ApiError, resourceNotFound } from "../api-error";
import { subtypeChannel, type CatalogInstance, type CatalogPhoneNumber } from "../catalog";
import { CHAT_CONTENT_MAX, CHAT_MESSAGE_CONTENT_TYPES, E164, readAttributes, readParticipantDetails, readSupportedContentTypes } from "../chat-rules";
import type { ChatSubtype, StoredContact } from "../contact";
import { requireInstance, type OperationHandler, type SimContext } from "../context";
import { flowEndsAfterMs } from "../flow-endings";
import { admitFirstMessage, recordReach } from "../sending-ceilings";
import { Validator, isObject, type JsonObject } from "../validator";

const v: Validator = new Validator("InvalidRequestException");

const ENDPOINT_TYPES = ["TELEPHONE_NUMBER", "VOIP", "CONTACT_FLOW", "CONNECT_PHONENUMBER_ARN", "EMAIL_ADDRESS"] as const;
const OUTBOUND_SUBTYPES = ["connect:SMS", "connect:WhatsApp"] as const;
export const DEFAULT_CHAT_DURATION_MINUTES = 1500;

function readEndpoint(input: JsonObject, key: string, expectedType: (typeof ENDPOINT_TYPES)[number]): string {
  const endpoint = v.object(input, key, "", true);
  const type = v.string(endpoint, "Type", key, { required: true });
  v.oneOf(`${key}.Type`, type, ENDPOINT_TYPES);
  if (type !== expectedType) v.fail(`${key}.Type must be ${expectedType} for outbound chats (got ${type})`);
  return v.string(endpoint, "Address", key, { required: true, min: 1, max: 256 });
}

/** SegmentAttributes: value shapes checked recursively; connect:Subtype names the channel. */
function readSegmentAttributes(input: JsonObject): { attributes: JsonObject; subtype: ChatSubtype } {
  const attributes = v.object(input, "SegmentAttributes", "", true);
  for (const [name, value] of Object.entries(attributes)) checkSegmentValue(`SegmentAttributes["${name}"]`, name, value);
  const subtype = attributes["connect:Subtype"];
  if (!isObject(subtype) || typeof subtype.ValueString !== "string") {
    v.fail('SegmentAttributes must contain "connect:Subtype" with a ValueString of connect:SMS or connect:WhatsApp');
  }
  return { attributes, subtype: v.oneOf('SegmentAttributes["connect:Subtype"].ValueString', subtype.ValueString, OUTBOUND_SUBTYPES) };
}

function checkSegmentValue(member: string, name: string, value: unknown, depth = 0): void {
  v.length(`${member} key`, name, { min: 1, max: 128 });
  if (!isObject(value)) v.fail(`${member} must be a SegmentAttributeValue object`);
  if (depth > 5) v.fail(`${member} nests ValueMap too deeply`);
  const known = ["ValueString", "ValueMap", "ValueInteger", "ValueList", "ValueArn"];
  const present = Object.keys(value).filter((key) => value[key] !== undefined && value[key] !== null);
  const unknown = present.find((key) => !known.includes(key));
  if (unknown) v.fail(`${member} has unknown member ${unknown}; expected one of ${known.join(", ")}`);
  v.string(value, "ValueString", member, { max: 1024 });
  v.string(value, "ValueArn", member, { max: 1024 });
  if (value.ValueInteger !== undefined && value.ValueInteger !== null && !Number.isInteger(value.ValueInteger)) {
    v.fail(`${member}.ValueInteger must be an integer`);
  }
  const map = v.object(value, "ValueMap", member);
  if (map) for (const [key, inner] of Object.entries(map)) checkSegmentValue(`${member}.ValueMap["${key}"]`, key, inner, depth + 1);
  v.list(value, "ValueList", member)?.forEach((inner, i) => checkSegmentValue(`${member}.ValueList[${i}]`, "item", inner, depth + 1));
}

interface TemplateRequest {
  knowledgeBaseId: string;
  messageTemplateId: string;
}

function readTemplatedMessage(input: JsonObject): TemplateRequest | undefined {
  const member = "InitialTemplatedSystemMessage";
  const message = v.object(input, member, "");
  if (!message) return undefined;
  const knowledgeBaseId = v.string(message, "KnowledgeBaseId", member, { required: true, min: 1, max: 500 });
  const messageTemplateId = v.string(message, "MessageTemplateId", member, { required: true, min: 1, max: 500 });
  const attributes = v.object(message, "TemplateAttributes", member, true);
  readAttributes(v, attributes, "CustomAttributes", `${member}.TemplateAttributes`);
  const profile = v.string(attributes, "CustomerProfileAttributes", `${member}.TemplateAttributes`);
  if (profile !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(profile);
    } catch {
      parsed = undefined;
    }
    if (!isObject(parsed)) v.fail(`${member}.TemplateAttributes.CustomerProfileAttributes must be a serialized JSON object`);
  }
  return { knowledgeBaseId, messageTemplateId };
}

function readInitialSystemMessage(input: JsonObject): void {
  const message = v.object(input, "InitialSystemMessage", "");
  if (!message) return;
  const type = v.string(message, "ContentType", "InitialSystemMessage", { required: true, min: 1, max: 100 });
  v.oneOf("InitialSystemMessage.ContentType", type, CHAT_MESSAGE_CONTENT_TYPES);
  v.string(message, "Content", "InitialSystemMessage", { required: true, min: 1, max: CHAT_CONTENT_MAX });
}

function requireUsableFlow(ctx: SimContext, instance: CatalogInstance, flowId: string) {
  const flow = ctx.catalog.findFlow(instance.id, flowId);
  if (!flow) throw resourceNotFound(`Contact flow ${flowId} not found in instance ${instance.id}`);
  // Only a published, active flow can run; an archived or never-published flow behaves as missing.
  if (flow.state !== "ACTIVE") throw resourceNotFound(`Contact flow ${flowId} is ${flow.state} and cannot start contacts`);
  if (flow.status !== "PUBLISHED") throw resourceNotFound(`Contact flow ${flowId} is not published (status ${flow.status})`);
  return flow;
}

function requireSourceNumber(ctx: SimContext, instance: CatalogInstance, arn: string, subtype: ChatSubtype): CatalogPhoneNumber {
  const number = ctx.catalog.findPhoneNumberByArn(arn);
  if (!number) throw resourceNotFound(`SourceEndpoint.Address: phone number ${arn} not found`);
  if (number.instanceId !== instance.id) {
    throw resourceNotFound(`SourceEndpoint.Address: phone number ${arn} is not claimed by instance ${instance.id}`);
  }
  const channel = subtypeChannel(subtype);
  if (!channel || !number.channels.includes(channel)) {
    v.fail(
      `Phone number ${number.phoneNumber} does not serve ${subtype}; it serves ${number.channels.map((c) => (c === "SMS" ? "connect:SMS" : "connect:WhatsApp")).join(", ")}`,
    );
  }
  return number;
}

function requireTemplate(ctx: SimContext, request: TemplateRequest): void {
  const kb = ctx.catalog.findKnowledgeBase(request.knowledgeBaseId);
  if (!kb) throw resourceNotFound(`InitialTemplatedSystemMessage.KnowledgeBaseId: knowledge base ${request.knowledgeBaseId} not found`);
  const template = ctx.catalog.findTemplate(kb.id, request.messageTemplateId);
  if (!template) {
    throw resourceNotFound(
      `InitialTemplatedSystemMessage.MessageTemplateId: message template ${request.messageTemplateId} not found in knowledge base ${kb.id}`,
    );
  }
  if (template.channelSubtype !== "WHATSAPP") {
    v.fail(`Message template ${template.name} is a ${template.channelSubtype} template; WhatsApp chats need a WHATSAPP template`);
  }
}

export const startOutboundChatContact: OperationHandler = (ctx, { body, receivedAtMs }) => {
  const input = v.body(body);
  const sourceArn = readEndpoint(input, "SourceEndpoint", "CONNECT_PHONENUMBER_ARN");
  const destination = readEndpoint(input, "DestinationEndpoint", "TELEPHONE_NUMBER");
  if (!E164.test(destination)) v.fail(`DestinationEndpoint.Address "${destination}" is not an E.164 phone number`);
  const instanceId = v.string(input, "InstanceId", "", { required: true, min: 1, max: 100 });
  const { attributes: segmentAttributes, subtype } = readSegmentAttributes(input);
  const attributes = readAttributes(v, input, "Attributes", "") ?? {};
  const contactFlowId = v.string(input, "ContactFlowId", "", { required: true, min: 1, max: 500 });
  const duration = v.integer(input, "ChatDurationInMinutes", "", { min: 60, max: 10_080 }) ?? DEFAULT_CHAT_DURATION_MINUTES;
  const displayName = readParticipantDetails(v, input, "");
  readInitialSystemMessage(input);
  const template = readTemplatedMessage(input);
  if (template && input.InitialSystemMessage) v.fail("Provide InitialSystemMessage or InitialTemplatedSystemMessage, not both");
  if (template && subtype !== "connect:WhatsApp") v.fail("InitialTemplatedSystemMessage is only supported for connect:WhatsApp chats");
  const relatedContactId = v.string(input, "RelatedContactId", "", { min: 1, max: 256 });
  readSupportedContentTypes(v, input, "");
  const clientToken = v.string(input, "ClientToken", "", { max: 500 });

  const instance = requireInstance(ctx, instanceId);
  const flow = requireUsableFlow(ctx, instance, contactFlowId);
  const number = requireSourceNumber(ctx, instance, sourceArn, subtype);
  if (template) requireTemplate(ctx, template);

  const now = ctx.clock.nowMs();
  // A retry with the same token gets the original contact and does not count against the chat quota.
  if (clientToken) {
    const existing = ctx.store.findByClientToken(instance.id, clientToken, now);
    if (existing) {
      ctx.counters.idempotentReplays += 1;
      return { ContactId: existing.id };
    }
  }
  const active = ctx.store.activeCount(instance.id, now);
  if (active >= ctx.config.maxActiveChats) {
    throw new ApiError(
      "LimitExceededException",
      429,
      `Instance ${instance.id} has ${active} active chats; the concurrent active chat quota is ${ctx.config.maxActiveChats}`,
    );
  }
  admitFirstMessage(ctx, number, subtype === "connect:SMS" ? "SMS" : "WHATSAPP", destination, now);

  const id = randomUUID();
  const contact: StoredContact = {
    id,
    arn: `${instance.arn}/contact/${id}`,
    instanceId: instance.id,
    direction: "outbound",
    initiationMethod: ctx.config.initiationMethod,
    clientToken: clientToken || undefined,
    request: body,
    receivedAtMs,
    contactFlowId: flow.id,
    subtype,
    segmentAttributes,
    attributes,
    phoneNumberArn: number.arn,
    systemAddress: number.phoneNumber,
    customerAddress: destination,
    customerDisplayName: displayName,
    relatedContactId,
    chatDurationInMinutes: duration,
    flowEndsAfterMs: flowEndsAfterMs(flow, ctx.config),
    initiatedAtMs: now,
    lastUpdatedAtMs: now,
  };
  ctx.store.commit({ t: "contact", contact });
  recordReach(ctx, contact);
  ctx.counters.contactsCreated += 1;
  ctx.audience.plan(ctx, contact);
  return { ContactId: id };
};
