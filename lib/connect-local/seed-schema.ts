// Shape of a seed file: the account's instances, flows, queues, numbers and message templates.
import { z } from "zod";
import { audienceConfigSchema } from "./audience-config";
import { endsChatAfterSecondsSchema, messagesPerSecondSchema, messagingLimitSchema } from "./ceiling-schemas";
import { MESSAGING_CHANNELS } from "./channels";

const isoTimestamp = z.iso.datetime({ offset: true });
const uuidLike = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "must be a lower-case UUID");

export const CONTACT_FLOW_TYPES = [
  "CONTACT_FLOW",
  "CUSTOMER_QUEUE",
  "CUSTOMER_HOLD",
  "CUSTOMER_WHISPER",
  "AGENT_HOLD",
  "AGENT_WHISPER",
  "OUTBOUND_WHISPER",
  "AGENT_TRANSFER",
  "QUEUE_TRANSFER",
  "CAMPAIGN",
] as const;

export const PHONE_NUMBER_TYPES = ["TOLL_FREE", "DID", "UIFN", "SHARED", "THIRD_PARTY_TF", "THIRD_PARTY_DID", "SHORT_CODE"] as const;
export const QUEUE_TYPES = ["STANDARD", "AGENT"] as const;

const contactFlowSchema = z.strictObject({
  id: z.string().min(1).max(500),
  name: z.string().min(1),
  type: z.enum(CONTACT_FLOW_TYPES),
  state: z.enum(["ACTIVE", "ARCHIVED"]),
  status: z.enum(["PUBLISHED", "SAVED"]),
  // The flow sends its first message and then runs a Disconnect block this many seconds into the chat.
  endsChatAfterSeconds: endsChatAfterSecondsSchema.optional(),
});

const queueSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1).max(256),
  type: z.enum(QUEUE_TYPES),
  lastModifiedTime: isoTimestamp,
});

const phoneNumberSchema = z.strictObject({
  id: uuidLike,
  phoneNumber: z.string().regex(/^\+[1-9]\d{1,14}$/, "must be E.164"),
  countryCode: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 alpha-2 code"),
  type: z.enum(PHONE_NUMBER_TYPES),
  description: z.string().max(500),
  channels: z.array(z.enum(MESSAGING_CHANNELS)).min(1),
  // The End User Messaging ARN that SendChatIntegrationEvent names as DestinationId.
  sourcePhoneNumberArn: z.string().startsWith("arn:aws:"),
  inboundContactFlowId: z.string().min(1),
  // Throughput End User Messaging allows this number; absent, the default for its channel and type (number-rates.ts).
  messagesPerSecond: messagesPerSecondSchema.optional(),
  // The WhatsApp Business Account (and so the business portfolio) a WhatsApp number is registered in.
  whatsAppBusinessAccountId: z.string().min(1).optional(),
});

const WABA_ID = /^waba-[0-9a-zA-Z]+$/;

// A WhatsApp Business Account linked to End User Messaging Social; its numbers share one messaging limit.
const whatsAppBusinessAccountSchema = z.strictObject({
  id: z.string().regex(WABA_ID, "must be a WhatsApp Business Account id (waba-…)").max(100),
  name: z.string().min(1),
  messagingLimit: messagingLimitSchema,
  // When the account was linked to End User Messaging Social (GetLinkedWhatsAppBusinessAccount linkDate).
  linkDate: isoTimestamp,
});

const instanceSchema = z.strictObject({
  id: uuidLike,
  alias: z
    .string()
    .regex(/^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$/, "is not a valid instance alias")
    .min(1)
    .max(45),
  identityManagementType: z.enum(["SAML", "CONNECT_MANAGED", "EXISTING_DIRECTORY"]),
  status: z.enum(["CREATION_IN_PROGRESS", "ACTIVE", "CREATION_FAILED"]),
  createdTime: isoTimestamp,
  accessUrl: z.url({ protocol: /^https$/ }),
  inboundCallsEnabled: z.boolean(),
  outboundCallsEnabled: z.boolean(),
  tags: z.record(z.string(), z.string()),
  contactFlows: z.array(contactFlowSchema),
  queues: z.array(queueSchema),
  phoneNumbers: z.array(phoneNumberSchema),
});

// The language codes CreateMessageTemplate documents as supported.
export const MESSAGE_TEMPLATE_LANGUAGES = ["de_DE", "en_US", "es_ES", "fr_FR", "id_ID", "it_IT", "ja_JP", "ko_KR", "pt_BR", "zh_CN", "zh_TW"] as const;

export const WHATSAPP_TEMPLATE_CATEGORIES = ["MARKETING", "UTILITY", "AUTHENTICATION"] as const;

// WhatsApp templates live in the WhatsApp Business Account; Q in Connect keeps a reference to them and Meta's review status.
const whatsAppSourceSchema = z.strictObject({
  businessAccountId: z.string().regex(WABA_ID, "must be a WhatsApp Business Account id (waba-…)").max(100),
  templateId: z
    .string()
    .regex(/^[0-9]+$/, "must be the numeric WhatsApp template id")
    .max(100),
  // Meta's category of the template, which End User Messaging Social reports (ListWhatsAppMessageTemplates) and Q in
  // Connect does not.
  category: z.enum(WHATSAPP_TEMPLATE_CATEGORIES),
  status: z.enum(["VALID", "INVALID", "REJECTED"]),
  statusReason: z.string().min(1).optional(),
});

// The simulator serves content for these channel subtypes; each body has {{name}} placeholders for custom attributes.
const messageTemplateSchema = z
  .strictObject({
    id: uuidLike,
    name: z.string().min(1),
    channelSubtype: z.enum(["SMS", "EMAIL", "WHATSAPP"]),
    description: z.string().optional(),
    language: z.enum(MESSAGE_TEMPLATE_LANGUAGES).optional(),
    // The text the customer sees. Its placeholders are the template's variables (TemplateAttributes.CustomAttributes keys).
    body: z.string().min(1),
    whatsApp: whatsAppSourceSchema.optional(),
    activeVersionNumber: z.number().int().positive().optional(),
    createdTime: isoTimestamp,
    lastModifiedTime: isoTimestamp,
    lastModifiedBy: z.string().min(1),
  })
  .superRefine((template, ctx) => {
    if (template.channelSubtype === "WHATSAPP") {
      if (!template.whatsApp) ctx.addIssue({ code: "custom", message: "a WHATSAPP template needs its whatsApp source", path: ["whatsApp"] });
      // WhatsAppMessageTemplateContent.data is 1–6000 characters.
      if ([...template.body].length > 6000) ctx.addIssue({ code: "custom", message: "a WhatsApp body is at most 6000 characters", path: ["body"] });
    } else if (template.whatsApp) {
      ctx.addIssue({ code: "custom", message: `a ${template.channelSubtype} template has no whatsApp source`, path: ["whatsApp"] });
    }
  });

const knowledgeBaseSchema = z.strictObject({
  id: uuidLike,
  name: z.string().min(1),
  type: z.enum(["EXTERNAL", "CUSTOM", "QUICK_RESPONSES", "MESSAGE_TEMPLATES", "MANAGED"]),
  status: z.enum(["CREATE_IN_PROGRESS", "CREATE_FAILED", "ACTIVE", "DELETE_IN_PROGRESS", "DELETE_FAILED", "DELETED"]),
  description: z.string().optional(),
  messageTemplates: z.array(messageTemplateSchema),
});

export const seedSchema = z
  .strictObject({
    accountId: z.string().regex(/^\d{12}$/, "must be a 12-digit account id"),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+){1,2}-\d$/, "must be a Region name such as us-east-1"),
    instances: z.array(instanceSchema).min(2),
    whatsAppBusinessAccounts: z.array(whatsAppBusinessAccountSchema),
    knowledgeBases: z.array(knowledgeBaseSchema),
    // The audience model's starting settings; CONNECT_LOCAL_AUDIENCE, start options and PUT /_local/config replace them.
    audience: audienceConfigSchema.optional(),
  })
  .superRefine((seed, ctx) => {
    const seen = new Set<string>();
    const unique = (kind: string, id: string, path: (string | number)[]) => {
      const key = `${kind}:${id}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", message: `duplicate ${kind} id ${id}`, path });
      seen.add(key);
    };
    const accountIds = new Set(seed.whatsAppBusinessAccounts.map((account) => account.id));
    seed.whatsAppBusinessAccounts.forEach((account, a) => unique("WhatsApp Business Account", account.id, ["whatsAppBusinessAccounts", a, "id"]));
    seed.instances.forEach((instance, i) => {
      unique("instance", instance.id, ["instances", i, "id"]);
      unique("alias", instance.alias, ["instances", i, "alias"]);
      const flowIds = new Set(instance.contactFlows.map((flow) => flow.id));
      instance.contactFlows.forEach((flow, f) => {
        unique("flow", flow.id, ["instances", i, "contactFlows", f, "id"]);
        // Only flows of type CONTACT_FLOW start chats; a queue or whisper flow has no chat of its own to end.
        if (flow.endsChatAfterSeconds !== undefined && flow.type !== "CONTACT_FLOW") {
          ctx.addIssue({
            code: "custom",
            message: `endsChatAfterSeconds applies only to CONTACT_FLOW flows; flow ${flow.name} is ${flow.type}`,
            path: ["instances", i, "contactFlows", f, "endsChatAfterSeconds"],
          });
        }
      });
      instance.queues.forEach((queue, q) => unique("queue", queue.id, ["instances", i, "queues", q, "id"]));
      instance.phoneNumbers.forEach((number, n) => {
        const path = ["instances", i, "phoneNumbers", n];
        unique("phone number", number.id, [...path, "id"]);
        unique("phone number", number.phoneNumber, [...path, "phoneNumber"]);
        unique("source phone number", number.sourcePhoneNumberArn, [...path, "sourcePhoneNumberArn"]);
        if (!flowIds.has(number.inboundContactFlowId)) {
          ctx.addIssue({
            code: "custom",
            message: `inboundContactFlowId ${number.inboundContactFlowId} is not a flow of instance ${instance.alias}`,
            path: [...path, "inboundContactFlowId"],
          });
        }
        checkNumberCeilings(ctx, number, accountIds, path);
      });
    });
    seed.knowledgeBases.forEach((kb, k) => {
      unique("knowledge base", kb.id, ["knowledgeBases", k, "id"]);
      kb.messageTemplates.forEach((template, t) => {
        const path = ["knowledgeBases", k, "messageTemplates", t];
        unique("message template", template.id, [...path, "id"]);
        if (template.whatsApp && !accountIds.has(template.whatsApp.businessAccountId)) {
          ctx.addIssue({
            code: "custom",
            message: `whatsApp.businessAccountId ${template.whatsApp.businessAccountId} is not listed in whatsAppBusinessAccounts`,
            path: [...path, "whatsApp", "businessAccountId"],
          });
        }
      });
    });
  });

/** A WhatsApp number belongs to a listed business account, other numbers to none; per-channel rates name served channels. */
function checkNumberCeilings(ctx: z.RefinementCtx, number: z.infer<typeof phoneNumberSchema>, accountIds: Set<string>, path: (string | number)[]): void {
  const account = number.whatsAppBusinessAccountId;
  if (number.channels.includes("WHATSAPP")) {
    if (account === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `WhatsApp number ${number.phoneNumber} needs whatsAppBusinessAccountId: the business account whose messaging limit it shares`,
        path: [...path, "whatsAppBusinessAccountId"],
      });
    } else if (!accountIds.has(account)) {
      ctx.addIssue({
        code: "custom",
        message: `whatsAppBusinessAccountId ${account} is not listed in whatsAppBusinessAccounts`,
        path: [...path, "whatsAppBusinessAccountId"],
      });
    }
  } else if (account !== undefined) {
    ctx.addIssue({
      code: "custom",
      message: `number ${number.phoneNumber} does not serve WHATSAPP, so it has no whatsAppBusinessAccountId`,
      path: [...path, "whatsAppBusinessAccountId"],
    });
  }
  const rates = number.messagesPerSecond;
  if (typeof rates === "object") {
    for (const channel of Object.keys(rates)) {
      if (!(number.channels as string[]).includes(channel)) {
        ctx.addIssue({
          code: "custom",
          message: `messagesPerSecond names ${channel}, which number ${number.phoneNumber} does not serve (it serves ${number.channels.join(", ")})`,
          path: [...path, "messagesPerSecond", channel],
        });
      }
    }
  }
}

export type Seed = z.infer<typeof seedSchema>;
export type SeedInstance = Seed["instances"][number];
export type SeedContactFlow = SeedInstance["contactFlows"][number];
export type SeedQueue = SeedInstance["queues"][number];
export type SeedPhoneNumber = SeedInstance["phoneNumbers"][number];
export type SeedWhatsAppBusinessAccount = Seed["whatsAppBusinessAccounts"][number];
export type SeedKnowledgeBase = Seed["knowledgeBases"][number];
export type SeedMessageTemplate = SeedKnowledgeBase["messageTemplates"][number];
