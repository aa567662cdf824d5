import "server-only";
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { viaConnect } from "@/lib/connect/runtime-gateway";
import { settings } from "@/lib/db/schema";
import { ACCOUNT_RATE_SETTING, configuredAccountRate } from "./account-rate";
import { CHAT_STREAMING_SETTING, defaultTopicArn, readChatStreaming, topicFor, type ChatStreaming } from "./chat-streaming";
import { chatStreamingSchema } from "./chat-streaming-schema";
import { env } from "@/lib/env";
import { readOptKeywords } from "@/lib/replies/apply";
import { OPT_KEYWORDS_SETTING, optKeywordsSchema } from "@/lib/replies/keywords";
import { sendingCapacitySchema, sendRateSchema } from "./schemas";
import { readSendingCapacity, SENDING_CAPACITY_SETTING, type SendingCapacity } from "./sending-capacity";

/** The account's StartOutboundChatContact rate, shared by every campaign and dispatcher; each campaign's pace is capped at it. */
export const updateSendRate = defineAction({
  name: "settings.updateSendRate",
  access: "admin",
  input: sendRateSchema,
  handler: async ({ accountSendsPerSecond }, { db, actor }) =>
    db.transaction(async (tx) => {
      const before = await configuredAccountRate(tx, env().ACCOUNT_SENDS_PER_SECOND);
      await tx
        .insert(settings)
        .values({ key: ACCOUNT_RATE_SETTING, value: accountSendsPerSecond, updatedBy: actor.actorEmail })
        .onConflictDoUpdate({ target: settings.key, set: { value: accountSendsPerSecond, updatedAt: new Date(), updatedBy: actor.actorEmail } });
      await recordAudit(tx, actor, {
        action: "settings.send_rate_changed",
        targetType: "setting",
        targetId: ACCOUNT_RATE_SETTING,
        diff: { accountSendsPerSecond: { from: before, to: accountSendsPerSecond } },
      });
      return { accountSendsPerSecond };
    }),
});

/** The words that opt a customer out of (or back into) every campaign when a message is exactly one of them. */
export const updateOptKeywords = defineAction({
  name: "settings.updateOptKeywords",
  access: "admin",
  input: optKeywordsSchema,
  handler: async (input, { db, actor }) =>
    db.transaction(async (tx) => {
      const before = await readOptKeywords(tx);
      const value = { optOut: [...new Set(input.optOut)], optIn: [...new Set(input.optIn)] };
      await tx
        .insert(settings)
        .values({ key: OPT_KEYWORDS_SETTING, value, updatedBy: actor.actorEmail })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date(), updatedBy: actor.actorEmail } });
      await recordAudit(tx, actor, {
        action: "settings.opt_keywords_changed",
        targetType: "setting",
        targetId: OPT_KEYWORDS_SETTING,
        diff: { optOut: { from: before.optOut, to: value.optOut }, optIn: { from: before.optIn, to: value.optIn } },
      });
      return value;
    }),
});

/**
 * Messages per second for the numbers the admin saw (empty: the default for the number's type) and the WhatsApp
 * portfolio's daily limit, both read by the capacity planner. A number left out of the input keeps its override, so a
 * Connect instance that failed to list does not lose its numbers' settings.
 */
export const updateSendingCapacity = defineAction({
  name: "settings.updateSendingCapacity",
  access: "admin",
  input: sendingCapacitySchema,
  handler: async (input, { db, actor }) =>
    db.transaction(async (tx) => {
      const before = await readSendingCapacity(tx);
      const numberMessagesPerSecond = { ...before.numberMessagesPerSecond };
      // Per number that changed only: one line per number the admin touched, not every number on the account.
      const diff: Record<string, { from: unknown; to: unknown }> = {
        whatsAppDailyLimit: { from: before.whatsAppDailyLimit, to: input.whatsAppDailyLimit },
      };
      for (const { arn, messagesPerSecond } of input.numbers) {
        const from = before.numberMessagesPerSecond[arn] ?? null;
        if (messagesPerSecond === null) delete numberMessagesPerSecond[arn];
        else numberMessagesPerSecond[arn] = messagesPerSecond;
        if (from !== messagesPerSecond) diff[`numberMessagesPerSecond.${arn}`] = { from, to: messagesPerSecond };
      }
      const value: SendingCapacity = { numberMessagesPerSecond, whatsAppDailyLimit: input.whatsAppDailyLimit };
      await tx
        .insert(settings)
        .values({ key: SENDING_CAPACITY_SETTING, value, updatedBy: actor.actorEmail })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date(), updatedBy: actor.actorEmail } });
      await recordAudit(tx, actor, { action: "settings.sending_capacity_changed", targetType: "setting", targetId: SENDING_CAPACITY_SETTING, diff });
      return value;
    }),
});

/**
 * The SNS topic each Connect instance's chats are streamed to ("" = off), for the instances the admin saw; one left out
 * keeps its topic. Each topic is checked against its instance as Connect lists it now (its Region), so saving needs
 * Connect to answer. A topic equal to the instance's default is stored as no entry, so the default can follow it.
 */
export const updateChatStreaming = defineAction({
  name: "settings.updateChatStreaming",
  access: "admin",
  input: chatStreamingSchema(),
  handler: async (input, { db, actor }) => {
    const mode = env().CONNECT_MODE;
    const listed = await viaConnect((g) => g.listInstances());
    const arns = Object.fromEntries(listed.map((i) => [i.id, i.arn]));
    const checked = chatStreamingSchema(arns).parse(input);
    return db.transaction(async (tx) => {
      const before = await readChatStreaming(tx);
      const topics = { ...before.topics };
      // One line per instance whose topic changed, as it streams (default included), not as it is stored.
      const diff: Record<string, { from: string; to: string }> = {};
      for (const { instanceId, topicArn } of checked.instances) {
        const instance = { id: instanceId, arn: arns[instanceId]! };
        const from = topicFor(before, mode, instance);
        if (topicArn === defaultTopicArn(mode, instance.arn)) delete topics[instanceId];
        else topics[instanceId] = topicArn;
        if (from !== topicArn) diff[`topics.${instanceId}`] = { from, to: topicArn };
      }
      const value: ChatStreaming = { topics };
      await tx
        .insert(settings)
        .values({ key: CHAT_STREAMING_SETTING, value, updatedBy: actor.actorEmail })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date(), updatedBy: actor.actorEmail } });
      if (Object.keys(diff).length > 0) {
        await recordAudit(tx, actor, { action: "settings.chat_streaming_changed", targetType: "setting", targetId: CHAT_STREAMING_SETTING, diff });
      }
      return value;
    });
  },
});
