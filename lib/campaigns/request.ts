// The exact StartOutboundChatContact input for one recipient of a campaign: used by preflight's sample,
// the test send and the dispatcher, so all three send the same thing.
import type { StartOutboundChatInput } from "@/lib/connect/types";
import { clientTokenFor } from "./client-token";
import type { CampaignConfig } from "./schemas";

export interface RecipientForSend {
  phone: string;
  name?: string | null;
  attributes?: Record<string, string> | null;
  variables?: Record<string, string> | null;
  /** The initial message already rendered for this recipient (preflight does the rendering). */
  message?: string | null;
}

/** Variable name under which a display-name column travels with each recipient. */
export const DISPLAY_NAME_VARIABLE = "__display_name";

export function buildStartChatInput(c: CampaignConfig, r: RecipientForSend, clientToken: string): StartOutboundChatInput {
  const attributes = { ...c.attributes, ...(r.attributes ?? {}) };
  const displayName =
    c.participantDisplayName.mode === "fixed"
      ? c.participantDisplayName.value
      : c.participantDisplayName.mode === "column"
        ? (r.variables?.[DISPLAY_NAME_VARIABLE] ?? r.name ?? undefined)
        : undefined;
  const input: StartOutboundChatInput = {
    instanceId: c.instanceId,
    contactFlowId: c.contactFlowId,
    sourcePhoneNumberArn: c.sourcePhoneNumberArn,
    destinationPhoneNumber: r.phone,
    channel: c.channel,
    clientToken,
    chatDurationInMinutes: c.chatDurationMinutes,
    supportedMessagingContentTypes: c.contentTypes,
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    ...(displayName ? { participantDisplayName: displayName.slice(0, 256) } : {}),
    ...(c.relatedContactId ? { relatedContactId: c.relatedContactId } : {}),
  };
  if (c.message.kind === "text") {
    input.initialSystemMessage = r.message ?? c.message.text;
    input.initialSystemMessageContentType = c.message.contentType;
  } else if (c.message.kind === "template") {
    const customAttributes: Record<string, string> = {};
    for (const [name, source] of Object.entries(c.message.variables)) {
      const value = "value" in source ? source.value : r.variables?.[name];
      if (value !== undefined) customAttributes[name] = value;
    }
    input.template = { knowledgeBaseId: c.message.knowledgeBaseId, messageTemplateId: c.message.messageTemplateId, customAttributes };
  }
  return input;
}

/** A ledger row as the dispatcher stores it. */
export interface LedgerRowForSend {
  phone: string;
  name: string | null;
  attributes: unknown;
  variables: unknown;
}

/**
 * The request for one ledger row, with its ClientToken: what the dispatcher sends, and what a contact page shows
 * as the contact's start. The rendered text message is kept in the row's variables under `__message`.
 */
export function ledgerRowRequest(campaignId: string, c: CampaignConfig, row: LedgerRowForSend): StartOutboundChatInput {
  const variables = (row.variables ?? null) as Record<string, string> | null;
  return buildStartChatInput(
    c,
    { phone: row.phone, name: row.name, attributes: row.attributes as Record<string, string> | null, variables, message: variables?.__message },
    clientTokenFor(campaignId, row.phone),
  );
}
