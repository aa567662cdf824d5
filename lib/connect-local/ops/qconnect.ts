// Q in Connect ListKnowledgeBases and ListMessageTemplates: camelCase members and RFC 3339 timestamps (contract §11).
import { resourceNotFound } from "../api-error";
import type { CatalogMessageTemplate } from "../catalog";
import type { OperationHandler } from "../context";
import { pageFromQuery, paginate } from "../pagination";
import { Validator } from "../validator";

const v: Validator = new Validator("ValidationException");

export const listKnowledgeBases: OperationHandler = (ctx, { query }) => {
  const request = pageFromQuery(v, query, { min: 1, max: 100 });
  const { page, nextToken } = paginate(v, ctx.catalog.knowledgeBases, "ListKnowledgeBases", request, { defaultSize: 100 });
  return {
    knowledgeBaseSummaries: page.map((kb) => ({
      knowledgeBaseId: kb.id,
      knowledgeBaseArn: kb.arn,
      name: kb.name,
      knowledgeBaseType: kb.type,
      status: kb.status,
      description: kb.description,
    })),
    nextToken,
  };
};

export const listMessageTemplates: OperationHandler = (ctx, { params, query }) => {
  const knowledgeBaseId = params[0] ?? "";
  const request = pageFromQuery(v, query, { min: 1, max: 100 });
  const kb = ctx.catalog.findKnowledgeBase(knowledgeBaseId);
  if (!kb) throw resourceNotFound(`Knowledge base ${knowledgeBaseId} not found`);
  const { page, nextToken } = paginate(v, ctx.catalog.templates(kb.id), `ListMessageTemplates|${kb.id}`, request, { defaultSize: 100 });
  return {
    messageTemplateSummaries: page.map((template) => ({
      ...templateIdentity(template),
      activeVersionNumber: template.activeVersionNumber,
      description: template.description,
    })),
    nextToken,
  };
};

/** The members a template's summary (ListMessageTemplates) and its full description (GetMessageTemplate) share. */
export function templateIdentity(template: CatalogMessageTemplate) {
  return {
    messageTemplateArn: template.arn,
    messageTemplateId: template.id,
    knowledgeBaseArn: template.knowledgeBaseArn,
    knowledgeBaseId: template.knowledgeBaseId,
    name: template.name,
    channelSubtype: template.channelSubtype,
    createdTime: new Date(template.createdTime).toISOString(),
    lastModifiedTime: new Date(template.lastModifiedTime).toISOString(),
    lastModifiedBy: template.lastModifiedBy,
  };
}
