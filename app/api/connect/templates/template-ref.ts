import "server-only";
// The knowledge base and template a template route names, checked against the ids Q in Connect accepts before it is
// asked: a malformed id is simply a template that does not exist (404), not Connect's ValidationException.
import { UserFacingError } from "@/lib/errors";

const UUID = "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}";
const WISDOM_ARN = `arn:[a-z-]*?:wisdom:[a-z0-9-]*?:[0-9]{12}:[a-z-]*?/${UUID}(?:/${UUID}){0,2}`;
const KNOWLEDGE_BASE_ID = new RegExp(`^(?:${UUID}|${WISDOM_ARN})$`);
// A version number, $LATEST or $ACTIVE_VERSION may follow the id.
const TEMPLATE_ID = new RegExp(`^(?:${UUID}|${WISDOM_ARN})(?::(?:[1-9][0-9]{0,17}|\\$LATEST|\\$ACTIVE_VERSION))?$`);

export interface TemplateRef {
  knowledgeBaseId: string;
  templateId: string;
}

export function templateRef(params: Record<string, string>): TemplateRef {
  const knowledgeBaseId = params.knowledgeBaseId ?? "";
  const templateId = params.templateId ?? "";
  if (!KNOWLEDGE_BASE_ID.test(knowledgeBaseId)) {
    throw new UserFacingError("not_found", `There is no knowledge base "${knowledgeBaseId.slice(0, 100)}": a knowledge base id is a UUID or its ARN`);
  }
  if (!TEMPLATE_ID.test(templateId)) {
    throw new UserFacingError(
      "not_found",
      `There is no message template "${templateId.slice(0, 100)}": a template id is a UUID or its ARN, optionally with :<version>, :$LATEST or :$ACTIVE_VERSION`,
    );
  }
  return { knowledgeBaseId, templateId };
}
