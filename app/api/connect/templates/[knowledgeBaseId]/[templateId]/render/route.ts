import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { jsonBody } from "@/lib/api/run-action";
import { viaConnect } from "@/lib/connect/runtime-gateway";
import { UserFacingError, fieldErrors } from "@/lib/errors";
import { templateRef } from "../../../template-ref";

// Q in Connect's limits on a custom attribute; a preview needs far fewer than this many.
const renderSchema = z.strictObject({
  attributes: z
    .record(z.string().min(1, "An attribute name cannot be empty").max(32_767), z.string({ error: "Attribute values are text" }).max(32_767))
    .refine((attributes) => Object.keys(attributes).length <= 200, "At most 200 attributes"),
});

// The template's body with these values filled in, and the placeholders left unfilled (a preview: nothing is sent).
export const POST = apiRoute("viewer", async ({ req, params }) => {
  const { knowledgeBaseId, templateId } = templateRef(params);
  const parsed = renderSchema.safeParse(await jsonBody(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new UserFacingError("invalid", `Send { "attributes": { "<name>": "<value>" } }. ${where}${issue.message}`, fieldErrors(parsed.error));
  }
  const rendered = await viaConnect((g) => g.renderMessageTemplate(knowledgeBaseId, templateId, parsed.data.attributes));
  return Response.json(rendered);
});
