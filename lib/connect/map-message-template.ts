// GetMessageTemplate's answer as the console reads it: the body a customer sees and the variables it names.
import type { ExtendedMessageTemplateData, MessageTemplateContentProvider } from "@aws-sdk/client-qconnect";
// The console's own placeholder grammar, so the composer, its preview and the check read the same names.
import { extractPlaceholders } from "@/lib/recipients/placeholders";
import type { MessageTemplateDetail } from "./types";

/** Members of newer API versions that the installed client does not model; its deserializer passes content through as sent. */
interface WhatsAppSource {
  language?: string;
  status?: string;
}
type NewerTemplateData = ExtendedMessageTemplateData & { sourceConfigurationSummary?: { whatsApp?: WhatsAppSource } };

/**
 * The text of a template's content, whichever channel member holds it. WhatsApp content (`whatsApp.data`) is newer
 * than the installed client's union: it arrives as sent, or as `$unknown` from a client that does not pass it through.
 */
export function templateBody(content: MessageTemplateContentProvider | undefined): string {
  if (!content) return "";
  if (content.sms) return content.sms.body?.plainText?.content ?? "";
  if (content.email) return content.email.body?.plainText?.content ?? content.email.body?.html?.content ?? "";
  const whatsApp = (content as { whatsApp?: unknown }).whatsApp ?? (content.$unknown?.[0] === "whatsApp" ? content.$unknown[1] : undefined);
  const data = (whatsApp as { data?: unknown } | undefined)?.data;
  return typeof data === "string" ? data : "";
}

export function toMessageTemplateDetail(template: ExtendedMessageTemplateData): MessageTemplateDetail {
  // Only clients that model sourceConfigurationSummary keep it; the pinned one drops it, leaving the status unknown.
  const source = (template as NewerTemplateData).sourceConfigurationSummary?.whatsApp;
  const body = templateBody(template.content);
  return {
    id: template.messageTemplateId ?? "",
    arn: template.messageTemplateArn ?? "",
    name: template.name ?? "",
    channelSubtype: template.channelSubtype ?? "",
    language: template.language ?? source?.language,
    status: source?.status,
    body,
    variables: extractPlaceholders(body),
    versionNumber: template.versionNumber,
  };
}
