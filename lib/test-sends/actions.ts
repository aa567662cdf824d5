import "server-only";
// A single message to a number a person types, to see the campaign as a recipient will. It uses a campaign's settings
// but no ledger row: the chat is recorded as a contact of origin "test_send" and audited with what was sent.
import { randomUUID } from "node:crypto";
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { buildStartChatInput } from "@/lib/campaigns/request";
import { testSendSchema } from "@/lib/campaigns/schemas";
import { classifyConnectError } from "@/lib/connect/classify-error";
import { getGateway } from "@/lib/connect/runtime-gateway";
import { openingRequest, TEST_SENT_ACTION } from "@/lib/contacts/opening-event";
import { recordContact } from "@/lib/contacts/record";
import { UserFacingError } from "@/lib/errors";
import { isCountryCode, normalizePhone } from "@/lib/recipients/normalize-phone";
import { extractPlaceholders } from "@/lib/recipients/placeholders";

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
