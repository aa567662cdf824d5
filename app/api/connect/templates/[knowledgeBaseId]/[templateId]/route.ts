import { apiRoute } from "@/lib/api/route";
import { viaConnect } from "@/lib/connect/runtime-gateway";
import { UserFacingError } from "@/lib/errors";
import { templateRef } from "../../template-ref";

/** The number a WhatsApp template would be sent from: both query parameters, or neither. */
function sender(url: URL): { instanceId: string; sourcePhoneNumberArn: string } | undefined {
  const instanceId = url.searchParams.get("instanceId")?.trim() ?? "";
  const sourcePhoneNumberArn = url.searchParams.get("sourcePhoneNumberArn")?.trim() ?? "";
  if (instanceId === "" && sourcePhoneNumberArn === "") return undefined;
  if (instanceId === "" || sourcePhoneNumberArn === "" || instanceId.length > 100 || sourcePhoneNumberArn.length > 256) {
    throw new UserFacingError("invalid", "To read a template's category, give the instanceId and the sourcePhoneNumberArn it would be sent from");
  }
  return { instanceId, sourcePhoneNumberArn };
}

// One message template as its customers see it: body, variables, language and status. With the instance and source
// number of a send, a WhatsApp template also carries `category`: Meta's category of it (MARKETING, UTILITY, …) in the
// number's WhatsApp Business Account, or why that could not be read.
export const GET = apiRoute("viewer", async ({ params, req }) => {
  const { knowledgeBaseId, templateId } = templateRef(params);
  const from = sender(new URL(req.url));
  const template = await viaConnect((g) => g.getMessageTemplate(knowledgeBaseId, templateId));
  if (!from || template.channelSubtype !== "WHATSAPP") return Response.json({ template });
  const category = await viaConnect((g) => g.whatsAppTemplateCategory({ ...from, templateName: template.name, language: template.language }));
  return Response.json({ template: { ...template, category } });
});
