import "server-only";
import { randomUUID } from "node:crypto";
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { classifyConnectError } from "@/lib/connect/classify-error";
import { getGateway } from "@/lib/connect/runtime-gateway";
import { openingRequest, TEST_SENT_ACTION } from "@/lib/contacts/opening-event";
import { recordContact } from "@/lib/contacts/record";
import { UserFacingError } from "@/lib/errors";
import { isCountryCode, normalizePhone } from "@/lib/recipients/normalize-phone";
import { extractPlaceholders } from "@/lib/recipients/placeholders";
import { LEDGER_BUSY_MESSAGE, LEDGER_STOPPED, assertLedgerReady, loadCampaignForChange, saveInProgress } from "./campaign-guard";
import { deleteLedgerRows } from "./ledger-write";
import { preflightLimits } from "./limits";
import { runServerPreflight } from "./preflight-server";
import type { PreflightSummary } from "./preflight-summary";
import { deleteDraft as deleteDraftRow, transitionCampaign, updateDraft } from "./queries";
import { buildStartChatInput } from "./request";
import { saveDraftCore, saveDraftSchema } from "./save-draft";
import { campaignIdSchema, campaignInputSchema, launchSchema, testSendSchema } from "./schemas";

const DELETE_LAUNCHED = "Only drafts can be deleted; cancel a launched campaign instead";

export const previewPreflight = defineAction({
  name: "campaigns.preflight",
  access: "supervisor",
  input: campaignInputSchema,
  handler: async (input, { db }) => (await runServerPreflight(db, await getGateway(), input, await preflightLimits(db))).summary,
});

export const saveDraft = defineAction({
  name: "campaigns.saveDraft",
  access: "supervisor",
  input: saveDraftSchema,
  handler: async (input, { db, actor, user }) => saveDraftCore(db, await getGateway(), input, { actor, user }, await preflightLimits(db)),
});

export const deleteDraft = defineAction({
  name: "campaigns.deleteDraft",
  access: "supervisor",
  input: campaignIdSchema,
  handler: async ({ campaignId }, { db, actor }) => {
    // A large draft's rows go a batch at a time first; the draft is marked incomplete meanwhile, so if the delete
    // stops part-way it cannot be launched with half its rows.
    await db.transaction(async (tx) => {
      const campaign = await loadCampaignForChange(tx, campaignId, "draft", DELETE_LAUNCHED);
      if (saveInProgress(campaign)) throw new UserFacingError("conflict", LEDGER_BUSY_MESSAGE);
      await updateDraft(tx, campaign.id, { ledgerState: LEDGER_STOPPED });
    });
    await deleteLedgerRows(db, campaignId);
    return db.transaction(async (tx) => {
      const campaign = await loadCampaignForChange(tx, campaignId, "draft", DELETE_LAUNCHED);
      await deleteDraftRow(tx, campaign.id);
      await recordAudit(tx, actor, { action: "campaign.deleted", targetType: "campaign", targetId: campaign.id, diff: { name: campaign.name } });
      return { campaignId: campaign.id };
    });
  },
});

export const launchCampaign = defineAction({
  name: "campaigns.launch",
  access: "supervisor",
  input: launchSchema,
  handler: async ({ campaignId, confirmRecipients }, { db, actor, user }) =>
    db.transaction(async (tx) => {
      const campaign = await loadCampaignForChange(tx, campaignId, "draft", "This campaign has already been launched");
      assertLedgerReady(campaign);
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
