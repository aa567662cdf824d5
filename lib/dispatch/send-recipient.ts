// One StartOutboundChatContact for one claimed ledger row, built by the same request builder as preflight and test
// sends. Never throws: every failure comes back classified.
import { ledgerRowRequest } from "@/lib/campaigns/request";
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import { classifyConnectError } from "@/lib/connect/classify-error";
import type { ConnectGateway } from "@/lib/connect/gateway";
import type { ConnectErrorInfo } from "@/lib/connect/types";
import type { CampaignRecipient } from "@/lib/db/schema";

export type SendResult = { ok: true; contactId: string; requestId?: string } | { ok: false; error: ConnectErrorInfo };

type Row = Pick<CampaignRecipient, "phone" | "name" | "attributes" | "variables">;

export async function sendToRecipient(gateway: ConnectGateway, campaignId: string, config: CampaignConfig, row: Row): Promise<SendResult> {
  // Only valid rows enter the ledger, and they all have a number; a row without one is this row's problem alone.
  if (!row.phone)
    return { ok: false, error: { kind: "permanent-for-this-recipient", name: "MissingPhoneNumber", message: "The ledger row has no E.164 number" } };
  try {
    const input = ledgerRowRequest(campaignId, config, { ...row, phone: row.phone });
    const { contactId, requestId } = await gateway.startOutboundChat(input);
    return { ok: true, contactId, requestId };
  } catch (err) {
    return { ok: false, error: classifyConnectError(err) };
  }
}
