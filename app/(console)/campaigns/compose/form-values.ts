// The composer's form values: exactly the campaign input schema, so the form, the server actions and the API agree.
import type { z } from "zod";
import type { campaignInputSchema } from "@/lib/campaigns/schemas";
import type { ChatChannel } from "@/lib/connect/types";

export type ComposerValues = z.input<typeof campaignInputSchema>;
export type ComposerOutput = z.output<typeof campaignInputSchema>;
export type MessageValue = ComposerValues["message"];
export type MappingValue = ComposerValues["recipients"]["mapping"];

/** SMS starts with a text message; WhatsApp may only open a conversation with an approved template. */
export function defaultMessage(channel: ChatChannel): MessageValue {
  return channel === "whatsapp"
    ? { kind: "template", knowledgeBaseId: "", messageTemplateId: "", templateName: "", variables: {} }
    : { kind: "text", contentType: "text/plain", text: "" };
}

export function emptyCampaign(): ComposerValues {
  return {
    name: "",
    description: "",
    instanceId: "",
    channel: "sms",
    sourcePhoneNumberArn: "",
    contactFlowId: "",
    recipients: {
      format: "paste",
      text: "",
      mapping: { phoneColumn: "phone", nameColumn: "name", attributeColumns: {}, variableColumns: {} },
      defaultCountry: "",
    },
    message: defaultMessage("sms"),
    contentTypes: ["text/plain"],
    chatDurationMinutes: 60,
    // Empty: the flow is not known to end chats itself.
    flowEndsChatAfterSeconds: "",
    attributes: {},
    participantDisplayName: { mode: "none" },
    relatedContactId: "",
    sendsPerSecond: 5,
    schedule: { mode: "now" },
  };
}

/** A saved draft completed with the defaults the schema would fill in, so every control has a value. */
export function withDefaults(input: ComposerValues): ComposerValues {
  const empty = emptyCampaign();
  return {
    ...empty,
    ...input,
    recipients: { ...empty.recipients, ...input.recipients, mapping: { ...empty.recipients.mapping, ...input.recipients.mapping } },
    description: input.description ?? "",
    relatedContactId: input.relatedContactId ?? "",
    flowEndsChatAfterSeconds: input.flowEndsChatAfterSeconds ?? "",
  };
}
