import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { classifyConnectError } from "@/lib/connect/classify-error";
import { getGateway } from "@/lib/connect/runtime-gateway";
import { openingRequest, TEST_SENT_ACTION } from "@/lib/contacts/opening-event";
import { recordContact } from "@/lib/contacts/record";
import { UserFacingError } from "@/lib/errors";
import { isCountryCode, normalizePhone } from "@/lib/recipients/normalize-phone";
import { extractPlaceholders } from "@/lib/recipients/placeholders";
import { loadCampaignForChange } from "./campaign-guard";
import { storedConfig, writeDraft } from "./drafts";
import { preflightLimits } from "./limits";
import { runServerPreflight } from "./preflight-server";
import type { PreflightSummary } from "./preflight-summary";
import { deleteDraft as deleteDraftRow, transitionCampaign } from "./queries";
import { buildStartChatInput } from "./request";
import { campaignIdSchema, campaignInputSchema, launchSchema, testSendSchema } from "./schemas";

export const previewPreflight = defineAction({
  name: "campaigns.preflight",
  access: "supervisor",
  input: campaignInputSchema,
  handler: async (input, { db }) => (await runServerPreflight(db, await getGateway(), input, await preflightLimits(db))).summary,
});

export const saveDraft = defineAction({
  name: "campaigns.saveDraft",
  access: "supervisor",
  input: z.object({ campaignId: z.uuid().optional(), campaign: campaignInputSchema }),
  handler: async ({ campaignId, campaign }, { db, actor, user }) => {
    const existing = campaignId ? await loadCampaignForChange(db, campaignId, "draft", "Launched campaigns are frozen and cannot be edited") : undefined;
    const id = existing?.id ?? randomUUID();
    // Connect is asked before the transaction opens, so no database lock waits on the network.
    const { summary, report } = await runServerPreflight(db, await getGateway(), campaign, await preflightLimits(db), id);
    const saved = await db.transaction(async (tx) => {
      if (existing) await loadCampaignForChange(tx, existing.id, "draft", "The campaign was launched while you were editing it");
      const row = await writeDraft(tx, existing, campaign, summary, report, user, id);
      const counts = summary.counts;
      await recordAudit(tx, actor, {
        action: existing ? "campaign.updated" : "campaign.created",
        targetType: "campaign",
        targetId: row.id,
        diff: existing
          ? { ...changedFields(existing.config as Record<string, unknown>, storedConfig(campaign)), recipients: counts }
          : { name: row.name, channel: row.channel, recipients: counts },
      });
      return row;
    });
    return { campaignId: saved.id, preflight: summary };
  },
});

export const deleteDraft = defineAction({
  name: "campaigns.deleteDraft",
  access: "supervisor",
  input: campaignIdSchema,
  handler: async ({ campaignId }, { db, actor }) =>
    db.transaction(async (tx) => {
      const campaign = await loadCampaignForChange(tx, campaignId, "draft", "Only drafts can be deleted; cancel a launched campaign instead");
      await deleteDraftRow(tx, campaign.id);
      await recordAudit(tx, actor, { action: "campaign.deleted", targetType: "campaign", targetId: campaign.id, diff: { name: campaign.name } });
      return { campaignId: campaign.id };
    }),
});

export const launchCampaign = defineAction({
  name: "campaigns.launch",
  access: "supervisor",
  input: launchSchema,
  handler: async ({ campaignId, confirmRecipients }, { db, actor, user }) =>
    db.transaction(async (tx) => {
      const campaign = await loadCampaignForChange(tx, campaignId, "draft", "This campaign has already been launched");
      const preflight = campaign.preflight as PreflightSummary;
      if (preflight.blocking.length > 0) throw new UserFacingError("conflict", `Launch is blocked: ${preflight.blocking.join("; ")}`);
      if (preflight.counts.valid !== confirmRecipients) {
        throw new UserFacingError(
          "conflict",
          `The campaign now has ${preflight.counts.valid.toLocaleString("en-US")} recipients, not ${confirmRecipients.toLocaleString("en-US")}: review it and confirm again`,
        );
      }
      const now = new Date();
      const scheduledAt = campaign.scheduledAt && campaign.scheduledAt > now ? campaign.scheduledAt : now;
      const launched = await transitionCampaign(tx, campaign.id, "draft", "scheduled", { launchedBy: user.id, launchedAt: now, scheduledAt });
      if (!launched) throw new UserFacingError("conflict", "The campaign changed while launching; reload it");
      await recordAudit(tx, actor, {
        action: "campaign.launched",
        targetType: "campaign",
        targetId: campaign.id,
        diff: { status: { from: "draft", to: "scheduled" }, recipients: preflight.counts.valid, scheduledAt: scheduledAt.toISOString() },
      });
      return { id: launched.id, status: launched.status, scheduledAt: launched.scheduledAt };
    }),
});

/** Placeholder values for a test message: the recipient is a person typing a number, not a row of the file. */
function testValues(text: string): Record<string, string> {
  return Object.fromEntries(extractPlaceholders(text).map((p) => [p, p === "name" ? "Test recipient" : `[${p}]`]));
}

export const testSend = defineAction({
  name: "campaigns.testSend",
  access: "supervisor",
  input: testSendSchema,
  handler: async ({ campaign, phone, defaultCountry }, { db, actor }) => {
    const country = defaultCountry && isCountryCode(defaultCountry) ? defaultCountry : undefined;
    const normalized = normalizePhone(phone, country);
    if (!normalized.ok)
      throw new UserFacingError("invalid", `This is not a number we can send to: ${normalized.reason}`, {
        phone: `Not a number we can send to: ${normalized.reason}`,
      });
    const e164 = normalized.e164;
    const config = {
      ...campaign,
      recipients: { format: "paste" as const, text: e164, mapping: { phoneColumn: "phone", attributeColumns: {}, variableColumns: {} } },
    };
    const values = config.message.kind === "text" ? testValues(config.message.text) : {};
    const message = config.message.kind === "text" ? config.message.text.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (_m, p: string) => values[p] ?? "") : null;
    const variables =
      config.message.kind === "template"
        ? Object.fromEntries(Object.entries(config.message.variables).map(([k, v]) => [k, "value" in v ? v.value : `[${v.column}]`]))
        : {};
    const request = buildStartChatInput(config, { phone: e164, name: "Test recipient", variables, message }, `test-${randomUUID()}`);
    // What was sent travels with the audit entry: the contact page shows it as the chat's first event.
    const diff = {
      phone: e164,
      campaign: campaign.name,
      instanceId: campaign.instanceId,
      request: openingRequest(request, config.message.kind === "template" ? config.message.templateName : null),
    };
    try {
      const result = await (await getGateway()).startOutboundChat(request);
      await db.transaction(async (tx) => {
        await recordContact(tx, {
          contactId: result.contactId,
          instanceId: campaign.instanceId,
          channel: campaign.channel,
          customerPhone: e164,
          sourcePhoneNumberArn: campaign.sourcePhoneNumberArn,
          origin: "test_send",
          createdBy: actor.actorEmail,
        });
        await recordAudit(tx, actor, {
          action: TEST_SENT_ACTION,
          targetType: "contact",
          targetId: result.contactId,
          diff: { ...diff, contactId: result.contactId },
        });
      });
      return { contactId: result.contactId, phone: e164 };
    } catch (err) {
      const e = classifyConnectError(err);
      // No contact exists to point at.
      await recordAudit(db, actor, {
        action: "campaign.test_failed",
        targetType: "campaign",
        targetId: null,
        diff: { ...diff, error: e.name, message: e.message },
      });
      throw new UserFacingError("unavailable", `Amazon Connect answered ${e.name}: ${e.message}${e.requestId ? ` (AWS request id ${e.requestId})` : ""}`);
    }
  },
});
