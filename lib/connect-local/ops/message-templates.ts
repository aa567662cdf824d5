// Q in Connect GetMessageTemplate and RenderMessageTemplate (contract-qconnect-templates.md): one template at $LATEST, a
// numbered version or $ACTIVE_VERSION, with its content for its channel subtype, and that content rendered with the
// caller's attributes. Ids and bodies are checked before anything is looked up, as the service does.
import { createHash } from "node:crypto";
import { resourceNotFound } from "../api-error";
import type { CatalogMessageTemplate } from "../catalog";
import type { OperationHandler, SimContext } from "../context";
import { interpolate } from "../template-placeholders";
import { templateIdentity } from "./qconnect";
import { Validator, type JsonObject } from "../validator";

const v: Validator = new Validator("ValidationException");

const UUID = "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}";
const WISDOM_ARN = `arn:[a-z-]*?:wisdom:[a-z0-9-]*?:[0-9]{12}:[a-z-]*?/${UUID}(?:/${UUID}){0,2}`;
/** UuidOrArn. */
const KNOWLEDGE_BASE_ID = new RegExp(`^(?:${UUID}|${WISDOM_ARN})$`);
/** UuidOrArnOrEitherWithQualifier: the qualifier is a version number, $LATEST or $ACTIVE_VERSION. */
const TEMPLATE_ID = new RegExp(`^(${UUID}|${WISDOM_ARN})(?::([A-Z0-9_$]+))?$`);
const VERSION = /^[1-9][0-9]{0,17}$/;
const ATTRIBUTE_TEXT = { min: 1, max: 32_767 };

interface TemplateRef {
  knowledgeBaseId: string;
  messageTemplateId: string;
  /** Without one, $LATEST. */
  qualifier: string | undefined;
}

function readIds(params: string[]): TemplateRef {
  const knowledgeBaseId = params[0] ?? "";
  const id = params[1] ?? "";
  if (!KNOWLEDGE_BASE_ID.test(knowledgeBaseId)) v.fail(`knowledgeBaseId "${knowledgeBaseId}" must be a knowledge base id (a lower-case UUID) or ARN`);
  const match = TEMPLATE_ID.exec(id);
  if (!match) v.fail(`messageTemplateId "${id}" must be a message template id (a lower-case UUID) or ARN, optionally followed by :<qualifier>`);
  const qualifier = match[2];
  if (qualifier !== undefined && qualifier !== "$LATEST" && qualifier !== "$ACTIVE_VERSION" && !VERSION.test(qualifier)) {
    v.fail(`messageTemplateId qualifier "${qualifier}" must be a version number, $LATEST or $ACTIVE_VERSION`);
  }
  return { knowledgeBaseId, messageTemplateId: match[1]!, qualifier };
}

interface TemplateVersion {
  template: CatalogMessageTemplate;
  /** A numbered version; undefined for $LATEST. */
  versionNumber: number | undefined;
}

/**
 * Published versions are numbered 1 to the active one and hold the template's current content: the seed keeps one
 * content per template, so what differs between versions here is only which one is asked for.
 */
function findVersion(ctx: SimContext, ref: TemplateRef): TemplateVersion {
  const kb = ctx.catalog.findKnowledgeBase(ref.knowledgeBaseId);
  if (!kb) throw resourceNotFound(`Knowledge base ${ref.knowledgeBaseId} not found`);
  const template = ctx.catalog.templates(kb.id).find((t) => t.id === ref.messageTemplateId || t.arn === ref.messageTemplateId);
  if (!template) throw resourceNotFound(`Message template ${ref.messageTemplateId} not found in knowledge base ${kb.id}`);
  if (ref.qualifier === undefined || ref.qualifier === "$LATEST") return { template, versionNumber: undefined };
  const active = template.activeVersionNumber;
  if (ref.qualifier === "$ACTIVE_VERSION") {
    if (active === undefined) throw resourceNotFound(`Message template ${template.id} has no active version`);
    return { template, versionNumber: active };
  }
  const wanted = Number(ref.qualifier);
  if (active === undefined || wanted > active) throw resourceNotFound(`Message template ${template.id} has no version ${wanted}`);
  return { template, versionNumber: wanted };
}

/** MessageTemplateContentProvider: one member, named for the channel subtype. */
function content(template: CatalogMessageTemplate, body: string): JsonObject {
  switch (template.channelSubtype) {
    case "WHATSAPP":
      return { whatsApp: { data: body } };
    case "SMS":
      return { sms: { body: { plainText: { content: body } } } };
    case "EMAIL":
      return { email: { body: { plainText: { content: body } } } };
  }
}

/** MessageTemplateSourceConfigurationSummary, for WhatsApp templates only. */
function sourceConfigurationSummary(template: CatalogMessageTemplate): JsonObject | undefined {
  const source = template.whatsApp;
  if (!source) return undefined;
  return {
    whatsApp: {
      businessAccountId: source.businessAccountId,
      templateId: source.templateId,
      name: template.name,
      language: template.language,
      status: source.status,
      statusReason: source.statusReason,
    },
  };
}

export const getMessageTemplate: OperationHandler = (ctx, { params }) => {
  const { template, versionNumber } = findVersion(ctx, readIds(params));
  const body = content(template, template.body);
  return {
    messageTemplate: {
      ...templateIdentity(template),
      content: body,
      description: template.description,
      language: template.language,
      attributeTypes: template.variables.length > 0 ? ["CUSTOM"] : [],
      ...(versionNumber === undefined ? {} : { isActive: versionNumber === template.activeVersionNumber, versionNumber }),
      // Documented as covering content, language, default attributes and attachments; this template has only the first two.
      messageTemplateContentSha256: createHash("sha256")
        .update(JSON.stringify({ content: body, language: template.language ?? null }))
        .digest("hex"),
      tags: {},
      sourceConfigurationSummary: sourceConfigurationSummary(template),
    },
  };
};

function readStrings(parent: JsonObject, key: string, prefix: string, members: readonly string[]): void {
  const value = v.object(parent, key, prefix);
  if (!value) return;
  for (const member of members) v.string(value, member, `${prefix}.${key}`);
}

/** MessageTemplateAttributes: every category is checked, only customAttributes fills this simulator's placeholders. */
function readAttributes(input: JsonObject): Record<string, string> {
  const attributes = v.object(input, "attributes", "", true);
  const custom = v.stringMap(attributes, "customAttributes", "attributes") ?? {};
  for (const [key, value] of Object.entries(custom)) {
    v.length(`attributes.customAttributes key "${key.slice(0, 40)}"`, key, ATTRIBUTE_TEXT);
    v.length(`attributes.customAttributes["${key.slice(0, 40)}"]`, value, ATTRIBUTE_TEXT);
  }
  readStrings(attributes, "agentAttributes", "attributes", ["firstName", "lastName"]);
  const system = v.object(attributes, "systemAttributes", "attributes");
  if (system) {
    v.string(system, "name", "attributes.systemAttributes");
    readStrings(system, "customerEndpoint", "attributes.systemAttributes", ["address"]);
    readStrings(system, "systemEndpoint", "attributes.systemAttributes", ["address"]);
  }
  const profile = v.object(attributes, "customerProfileAttributes", "attributes");
  if (profile) {
    for (const key of Object.keys(profile)) {
      if (key === "custom") v.stringMap(profile, key, "attributes.customerProfileAttributes");
      else v.string(profile, key, "attributes.customerProfileAttributes");
    }
  }
  return custom;
}

export const renderMessageTemplate: OperationHandler = (ctx, { params, body }) => {
  const ref = readIds(params);
  const values = readAttributes(v.body(body));
  const { template } = findVersion(ctx, ref);
  const rendered = interpolate(template.body, values);
  return {
    content: content(template, rendered.text),
    sourceConfigurationSummary: sourceConfigurationSummary(template),
    attributesNotInterpolated: rendered.notInterpolated,
    attachments: [],
  };
};
