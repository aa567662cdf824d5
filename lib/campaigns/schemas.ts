// The composer's input: one zod schema for the form, the server actions and the automation API. Pure.
import { z } from "zod";
import { safeLines, safeText } from "@/lib/text/safe-text";
import { recipientMappingSchema } from "@/lib/recipients/mapping";
import { frequencyCapRulesSchema } from "@/lib/settings/frequency-caps-schema";
import { sendWindowChoiceSchema } from "@/lib/settings/send-window-schema";
import { CONTENT_TYPES } from "./content-types";

export { CONTENT_TYPES };

export const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/;
const attributeKey = safeText().trim().min(1, "Enter a name").max(128, "At most 128 characters").regex(ATTRIBUTE_KEY, "Use letters, digits, - and _ only");

export const recipientsSchema = z.object({
  format: z.enum(["paste", "csv"]),
  /** The list itself (pasted numbers, or a small CSV given inline); a larger list is uploaded once and named by uploadId. */
  text: safeLines().optional(),
  /** A list sent once to POST /api/recipient-uploads (or /api/v1/recipient-uploads). */
  uploadId: z.uuid("Unknown recipient upload: upload the list again").optional(),
  fileName: safeText().max(255).optional(),
  mapping: recipientMappingSchema,
  defaultCountry: safeText()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use a two-letter country code such as US or GB")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export const NO_RECIPIENTS_MESSAGE = "Add recipients: paste numbers or upload a CSV";

/** A campaign names its recipients one way: an upload, or the text itself. */
function recipientsGiven(v: { recipients: { text?: string; uploadId?: string } }, ctx: z.RefinementCtx) {
  const hasText = v.recipients.text !== undefined && v.recipients.text.trim() !== "";
  if (v.recipients.uploadId === undefined && !hasText) ctx.addIssue({ code: "custom", path: ["recipients", "text"], message: NO_RECIPIENTS_MESSAGE });
  if (v.recipients.uploadId !== undefined && hasText) {
    ctx.addIssue({ code: "custom", path: ["recipients", "text"], message: "Give the recipients once: either uploadId or text, not both" });
  }
}

const templateVariable = z.union([z.object({ column: safeText().min(1) }), z.object({ value: safeText().max(1024) })]);

export const messageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({
    kind: z.literal("text"),
    contentType: z.enum(["text/plain", "text/markdown"]),
    text: safeText().trim().min(1, "Write the message, or choose no initial message").max(1024, "At most 1,024 characters"),
  }),
  z.object({
    kind: z.literal("template"),
    knowledgeBaseId: safeText().min(1, "Choose a knowledge base"),
    messageTemplateId: safeText().min(1, "Choose a message template"),
    templateName: safeText().max(256).default(""),
    /** template variable → a recipient column or a fixed value */
    variables: z.record(safeText(), templateVariable).default({}),
  }),
]);

export const campaignFieldsSchema = z.object({
  name: safeText().trim().min(1, "Name the campaign").max(120, "At most 120 characters"),
  description: safeText().trim().max(1000, "At most 1,000 characters").default(""),
  instanceId: safeText().min(1, "Choose a Connect instance").max(100),
  channel: z.enum(["sms", "whatsapp"], { error: "Choose SMS or WhatsApp" }),
  sourcePhoneNumberArn: safeText().min(1, "Choose a source number").max(256),
  contactFlowId: safeText().min(1, "Choose a contact flow").max(500),
  recipients: recipientsSchema,
  message: messageSchema,
  contentTypes: z
    .array(z.enum(CONTENT_TYPES))
    .default(["text/plain"])
    .transform((list) => Array.from(new Set(["text/plain" as const, ...list]))),
  chatDurationMinutes: z.coerce
    .number({ error: "Enter minutes" })
    .int("Use whole minutes")
    .min(60, "At least 60 minutes")
    .max(10_080, "At most 10,080 minutes (7 days)")
    .default(60),
  // The user's word that the flow ends each chat itself this many seconds after it starts (e.g. it disconnects after
  // sending the message): how long a chat holds a slot of the instance's concurrent chat quota, for the plan and the
  // dispatcher. Empty: the flow leaves chats open (for their duration, or as long as the flow's past chats lasted).
  flowEndsChatAfterSeconds: z
    .union([
      z.literal("").transform(() => undefined),
      z.coerce.number({ error: "Enter seconds" }).int("Use whole seconds").min(1, "At least 1 second").max(604_800, "At most 604,800 seconds (7 days)"),
    ])
    .optional(),
  attributes: z.record(attributeKey, safeText().max(32_767)).default({}),
  participantDisplayName: z
    .discriminatedUnion("mode", [
      z.object({ mode: z.literal("none") }),
      z.object({ mode: z.literal("fixed"), value: safeText().trim().min(1, "Enter a display name").max(256) }),
      z.object({ mode: z.literal("column"), column: safeText().min(1, "Choose a column") }),
    ])
    .default({ mode: "none" }),
  relatedContactId: safeText()
    .trim()
    .max(256)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  sendsPerSecond: z.coerce.number({ error: "Enter sends per second" }).positive("Must be above 0").max(1000, "At most 1,000").default(5),
  schedule: z
    .discriminatedUnion("mode", [
      z.object({ mode: z.literal("now") }),
      z.object({ mode: z.literal("at"), at: z.iso.datetime({ offset: true, error: "Choose a date and time" }), timeZone: safeText().max(64).default("UTC") }),
    ])
    .default({ mode: "now" }),
  // Frequency caps (Settings): "exempt" sends service notices whatever a number received lately; saved and audited with
  // the campaign. The campaign's own rules apply on top of the settings' ones.
  frequencyCap: z.enum(["default", "exempt"], { error: "Choose default or exempt" }).optional(),
  frequencyCapRules: frequencyCapRulesSchema.optional(),
  // Hours each recipient may be contacted, in their own time zone: the Settings default, none, or the campaign's own.
  sendWindow: sendWindowChoiceSchema.optional(),
  // Nothing is sent after this instant: rows still unsent are skipped as expired and the campaign completes.
  endAt: z.union([z.literal("").transform(() => undefined), z.iso.datetime({ offset: true, error: "Choose an end date and time" })]).optional(),
  // A send not made this long after sending began (launch or the scheduled start) is not made: a campaign paused for a
  // day must not send yesterday's "sale ends today".
  maxQueuedMinutes: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number({ error: "Enter minutes" }).int("Use whole minutes").min(1, "At least 1 minute").max(43_200, "At most 43,200 minutes (30 days)").optional(),
  ),
});

function channelMatchesMessage(v: { channel: "sms" | "whatsapp"; message: { kind: string } }, ctx: z.RefinementCtx) {
  if (v.channel === "whatsapp" && v.message.kind === "text") {
    ctx.addIssue({ code: "custom", path: ["message"], message: "WhatsApp campaigns start with a message template, not free text" });
  }
  if (v.channel === "sms" && v.message.kind === "template") {
    ctx.addIssue({ code: "custom", path: ["message"], message: "Message templates are for WhatsApp; SMS campaigns use a text message" });
  }
}

/** An end time must leave time to send: after the scheduled start, and not already past. */
function endsAfterStart(v: { endAt?: string; schedule: { mode: "now" } | { mode: "at"; at: string } }, ctx: z.RefinementCtx) {
  if (!v.endAt) return;
  const end = Date.parse(v.endAt);
  if (v.schedule.mode === "at" && end <= Date.parse(v.schedule.at)) {
    ctx.addIssue({ code: "custom", path: ["endAt"], message: "The end time must be after the scheduled start" });
  } else if (end <= Date.now()) ctx.addIssue({ code: "custom", path: ["endAt"], message: "The end time has passed: choose a later one" });
}

export const campaignInputSchema = campaignFieldsSchema.superRefine((v, ctx) => {
  channelMatchesMessage(v, ctx);
  recipientsGiven(v, ctx);
  endsAfterStart(v, ctx);
});

export type CampaignInput = z.input<typeof campaignInputSchema>;
export type CampaignConfig = z.output<typeof campaignInputSchema>;

export const campaignIdSchema = z.object({ campaignId: z.uuid("Unknown campaign") });
export const retryFailedSchema = campaignIdSchema.extend({
  /**
   * Also re-queue failed rows whose last attempt may have reached Connect and whose ClientToken Connect may have
   * forgotten (7 days): those people may get a second chat. Off unless asked for.
   */
  includeUnverifiable: z.boolean({ error: "includeUnverifiable must be true or false" }).default(false),
});
export const launchSchema = z.object({
  campaignId: z.uuid("Unknown campaign"),
  /** The count the user confirmed ("Send to 1,234 recipients"); launch is refused if it no longer matches. */
  confirmRecipients: z.number().int().min(1),
  /** The invalid row count the user accepts leaving out; needed when more rows are invalid than LAUNCH_CONFIRM_INVALID_PERCENT allows. */
  confirmInvalid: z.number({ error: "confirmInvalid must be a whole number" }).int().min(0).optional(),
});
export const testSendSchema = z.object({
  campaign: campaignFieldsSchema.omit({ recipients: true }).superRefine(channelMatchesMessage),
  phone: safeText().trim().min(1, "Enter the number to send the test to"),
  defaultCountry: safeText().trim().toUpperCase().optional(),
});
