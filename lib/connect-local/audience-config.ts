// Settings of the audience model (contract-streaming.md, "Audience model"): how many recipients' outbound messages are
// delivered, read and answered, after how long, per channel and per matching chat. Shared by the runtime config, the
// seed and CONNECT_LOCAL_AUDIENCE so all three accept the same values.
import { z } from "zod";
import { CHAT_CONTENT_MAX } from "./chat-rules";

/** A week, the longest a chat can stay open: any later delay could never land on the chat. */
export const MAX_AUDIENCE_DELAY_SECONDS = 10_080 * 60;

const share = (what: string) =>
  z
    .number({ error: `must be a share from 0 to 1 (${what})` })
    .min(0, `must be a share from 0 to 1 (${what})`)
    .max(1, `must be a share from 0 to 1 (${what})`);

const seconds = z
  .number({ error: "must be a number of simulated seconds" })
  .min(0, "must be at least 0 seconds")
  .max(MAX_AUDIENCE_DELAY_SECONDS, `must be at most ${MAX_AUDIENCE_DELAY_SECONDS} seconds (7 days)`);

const delayRangeSchema = z.strictObject({ min: seconds, max: seconds }).refine((range) => range.min <= range.max, {
  message: "min must not be above max",
});
export type DelayRange = z.infer<typeof delayRangeSchema>;

const replyTextsSchema = z
  .array(z.string().min(1, "a reply text cannot be empty").max(CHAT_CONTENT_MAX, `a reply text is at most ${CHAT_CONTENT_MAX} characters`))
  .min(1, "give at least one reply text")
  .max(100, "give at most 100 reply texts");

const shapes = {
  /** Of every outbound chat. */
  delivered: share("of outbound messages that are delivered"),
  /** Of the delivered. */
  read: share("of delivered messages that are read"),
  /** Of the read: answer with one of `replies`. */
  replied: share("of read messages answered with a reply text"),
  /** Of the read: answer STOP. Disjoint from `replied`, so the two add up to at most 1. */
  stop: share("of read messages answered with STOP"),
  replies: replyTextsSchema,
};

const delaysPatchSchema = z.strictObject({
  /** After the chat starts. */
  delivered: delayRangeSchema.optional(),
  /** After the delivered receipt. */
  read: delayRangeSchema.optional(),
  /** After the read receipt; a STOP takes as long as a reply. */
  reply: delayRangeSchema.optional(),
});

/** Any subset of the funnel; what it leaves out comes from the level below. */
const profilePatchSchema = z.strictObject({
  delivered: shapes.delivered.optional(),
  read: shapes.read.optional(),
  replied: shapes.replied.optional(),
  stop: shapes.stop.optional(),
  replies: shapes.replies.optional(),
  delays: delaysPatchSchema.optional(),
});
export type AudienceProfilePatch = z.infer<typeof profilePatchSchema>;

const matchSchema = z
  .strictObject({
    /** A contact attribute the chat was started with (StartOutboundChatContact Attributes). */
    attribute: z.strictObject({ name: z.string().min(1).max(32_767), value: z.string().max(32_767) }).optional(),
    contactFlowId: z.string().min(1).max(500).optional(),
    /** The source number's phone number id (the seed's id, not its ARN). */
    phoneNumberId: z.string().min(1).max(100).optional(),
  })
  .refine((match) => match.attribute !== undefined || match.contactFlowId !== undefined || match.phoneNumberId !== undefined, {
    message: "match must name an attribute, a contactFlowId or a phoneNumberId",
  });
export type AudienceMatch = z.infer<typeof matchSchema>;

const overrideSchema = profilePatchSchema.extend({ match: matchSchema });

export const DEFAULT_REPLIES = ["Thanks!", "Yes", "No", "Who is this?", "Can you call me later?", "OK, see you then"];

export const audienceConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    /** Mixed into every draw: the same seed and ClientToken give the same outcome on every run. */
    seed: z.string().min(1).max(100).default("audience"),
    delivered: shapes.delivered.default(0.95),
    read: shapes.read.default(0.6),
    replied: shapes.replied.default(0.1),
    stop: shapes.stop.default(0.02),
    replies: shapes.replies.default(DEFAULT_REPLIES),
    delays: z
      .strictObject({ delivered: delayRangeSchema, read: delayRangeSchema, reply: delayRangeSchema })
      .default({ delivered: { min: 1, max: 3 }, read: { min: 5, max: 60 }, reply: { min: 10, max: 120 } }),
    /** Per channel, over the settings above. */
    channels: z.strictObject({ SMS: profilePatchSchema.optional(), WHATSAPP: profilePatchSchema.optional() }).default({}),
    /** The first override whose every match condition holds applies over the channel's settings. */
    overrides: z.array(overrideSchema).max(100, "give at most 100 overrides").default([]),
    /** A reply drawn after the chat ended starts a new chat, as End User Messaging does; "skip" drops it instead. */
    replyAfterEnd: z.enum(["new-chat", "skip"]).default("new-chat"),
  })
  .superRefine((config, ctx) => {
    // Every mix a chat can end up with must still be a funnel: checked here so a bad override fails when set, not mid-run.
    for (const channel of ["SMS", "WHATSAPP"] as const) {
      const layers: { path: (string | number)[]; override?: AudienceProfilePatch }[] = [
        { path: config.channels[channel] ? ["channels", channel] : [] },
        ...config.overrides.map((override, i) => ({ path: ["overrides", i], override })),
      ];
      for (const { path, override } of layers) {
        const profile = mergeProfile(mergeProfile(baseProfile(config), config.channels[channel]), override);
        if (profile.replied + profile.stop > 1 + 1e-9) {
          ctx.addIssue({
            code: "custom",
            path,
            message: `for ${channel} chats, replied (${profile.replied}) + stop (${profile.stop}) is above 1; both are shares of the read`,
          });
        }
      }
    }
  });

export type AudienceConfig = z.infer<typeof audienceConfigSchema>;
export type AudienceConfigInput = z.input<typeof audienceConfigSchema>;

export interface AudienceProfile {
  delivered: number;
  read: number;
  replied: number;
  stop: number;
  replies: string[];
  delays: { delivered: DelayRange; read: DelayRange; reply: DelayRange };
}

export const DEFAULT_AUDIENCE_CONFIG: AudienceConfig = audienceConfigSchema.parse({});

function baseProfile(config: AudienceConfig): AudienceProfile {
  const { delivered, read, replied, stop, replies, delays } = config;
  return { delivered, read, replied, stop, replies, delays };
}

function mergeProfile(profile: AudienceProfile, patch: AudienceProfilePatch | undefined): AudienceProfile {
  if (!patch) return profile;
  return {
    delivered: patch.delivered ?? profile.delivered,
    read: patch.read ?? profile.read,
    replied: patch.replied ?? profile.replied,
    stop: patch.stop ?? profile.stop,
    replies: patch.replies ?? profile.replies,
    delays: {
      delivered: patch.delays?.delivered ?? profile.delays.delivered,
      read: patch.delays?.read ?? profile.delays.read,
      reply: patch.delays?.reply ?? profile.delays.reply,
    },
  };
}

export interface AudienceChatFacts {
  channel: "SMS" | "WHATSAPP";
  contactFlowId: string;
  phoneNumberId: string | undefined;
  attributes: Record<string, string>;
}

function matches(match: AudienceMatch, chat: AudienceChatFacts): boolean {
  if (match.contactFlowId !== undefined && match.contactFlowId !== chat.contactFlowId) return false;
  if (match.phoneNumberId !== undefined && match.phoneNumberId !== chat.phoneNumberId) return false;
  if (match.attribute !== undefined && chat.attributes[match.attribute.name] !== match.attribute.value) return false;
  return true;
}

/** The settings one chat is drawn with: global, then its channel's, then the first override it matches. */
export function profileFor(config: AudienceConfig, chat: AudienceChatFacts): AudienceProfile {
  const override = config.overrides.find((candidate) => matches(candidate.match, chat));
  return mergeProfile(mergeProfile(baseProfile(config), config.channels[chat.channel]), override);
}
