import { apiRoute } from "@/lib/api/route";
import { viaConnect } from "@/lib/connect/runtime-gateway";
import { templateRef } from "../../template-ref";

// One message template as its customers see it: body, variables, language and status.
export const GET = apiRoute("viewer", async ({ params }) => {
  const { knowledgeBaseId, templateId } = templateRef(params);
  const template = await viaConnect((g) => g.getMessageTemplate(knowledgeBaseId, templateId));
  return Response.json({ template });
});
