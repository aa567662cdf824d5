// AWS End User Messaging Social as the console reads it (contract-social-messaging.md): the WhatsApp Business Accounts
// linked to the account, one account with its phone numbers, and an account's Meta templates with their category.
// camelCase members, linkDate in epoch seconds; access is checked first, then the query, then what it names.
import { createHash } from "node:crypto";
import { parsePhoneNumberWithError } from "libphonenumber-js";
import { ApiError, resourceNotFound } from "../api-error";
import type { Catalog, CatalogMessageTemplate, CatalogPhoneNumber } from "../catalog";
import type { SOCIAL_MESSAGING_ACTIONS } from "../config";
import { isoEpochSeconds, type OperationHandler, type SimContext } from "../context";
import { pageFromQuery, paginate, type PageRequest } from "../pagination";
import type { SeedWhatsAppBusinessAccount } from "../seed-schema";
import { Validator } from "../validator";

const v: Validator = new Validator("ValidationException");

/** LinkedWhatsAppBusinessAccountId: `.*(^waba-.*$)|(^arn:.*:waba/[0-9a-zA-Z]+$).*`, 1–115 characters. */
const ACCOUNT_ID = /^(?:waba-.*|arn:.*:waba\/[0-9a-zA-Z]+)$/;
const ACCOUNT_ID_LENGTH = { min: 1, max: 115 };
const TOKEN_LENGTH = { min: 1, max: 600 };
const PAGE = { min: 1, max: 100 };
/** Neither operation documents its page size; the largest one allowed keeps a seed's listing on one page. */
const DEFAULT_PAGE = 100;
/** Q in Connect's review status of a template → Meta's template status. */
const META_STATUS = { VALID: "APPROVED", REJECTED: "REJECTED", INVALID: "DISABLED" } as const;

function authorize(ctx: SimContext, action: (typeof SOCIAL_MESSAGING_ACTIONS)[number], resource = "*"): void {
  if (!ctx.config.deniedActions.includes(action)) return;
  throw new ApiError(
    "AccessDeniedException",
    403,
    `User: arn:aws:sts::${ctx.catalog.accountId}:assumed-role/OutboundConsole/local is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  );
}

function readPage(query: URLSearchParams): PageRequest {
  const request = pageFromQuery(v, query, PAGE);
  if (request.nextToken !== undefined) v.length("nextToken", request.nextToken, TOKEN_LENGTH);
  return request;
}

function accountArn(catalog: Catalog, account: SeedWhatsAppBusinessAccount): string {
  return `arn:aws:social-messaging:${catalog.region}:${catalog.accountId}:waba/${account.id.slice("waba-".length)}`;
}

/** A number Meta knows by; stable for a given local id. */
function metaNumber(seed: string, digits: number): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return (BigInt(`0x${hex.slice(0, 15)}`) % 10n ** BigInt(digits)).toString().padStart(digits, "1");
}

/** The id (`waba-…`) or ARN the caller named, as its account; unknown ones are ResourceNotFoundException. */
function readAccount(ctx: SimContext, query: URLSearchParams): SeedWhatsAppBusinessAccount {
  const id = query.get("id");
  if (id === null) v.fail("id is required");
  v.length("id", id, ACCOUNT_ID_LENGTH);
  if (!ACCOUNT_ID.test(id)) v.fail(`id "${id.slice(0, 120)}" must be a linked WhatsApp Business Account id (waba-…) or its ARN`);
  const account = ctx.catalog.whatsAppBusinessAccounts.find((candidate) => candidate.id === id || accountArn(ctx.catalog, candidate) === id);
  if (!account) throw resourceNotFound(`No linked WhatsApp Business Account ${id} in account ${ctx.catalog.accountId}`);
  return account;
}

function accountSummary(catalog: Catalog, account: SeedWhatsAppBusinessAccount) {
  return {
    arn: accountArn(catalog, account),
    id: account.id,
    wabaId: metaNumber(account.id, 15),
    registrationStatus: "COMPLETE",
    linkDate: isoEpochSeconds(account.linkDate),
    wabaName: account.name,
    eventDestinations: [],
  };
}

/** WhatsAppPhoneNumberSummary: a number imported from End User Messaging Social keeps its ARN; others get one like it. */
function phoneNumberSummary(catalog: Catalog, account: SeedWhatsAppBusinessAccount, number: CatalogPhoneNumber) {
  const imported = /:phone-number-id\/([0-9a-f]{32})$/.exec(number.sourcePhoneNumberArn)?.[1];
  const suffix = imported ?? createHash("sha256").update(number.id).digest("hex").slice(0, 32);
  return {
    arn: `arn:aws:social-messaging:${catalog.region}:${catalog.accountId}:phone-number-id/${suffix}`,
    phoneNumber: number.phoneNumber,
    phoneNumberId: `phone-number-id-${suffix}`,
    metaPhoneNumberId: metaNumber(number.id, 15),
    displayPhoneNumberName: account.name,
    displayPhoneNumber: parsePhoneNumberWithError(number.phoneNumber).formatInternational(),
    qualityRating: "GREEN",
  };
}

function templateSummary(template: CatalogMessageTemplate) {
  const source = template.whatsApp!;
  const status = META_STATUS[source.status];
  return {
    templateName: template.name,
    metaTemplateId: source.templateId,
    templateStatus: status,
    templateQualityScore: status === "APPROVED" ? "GREEN" : "UNKNOWN",
    templateLanguage: template.language,
    templateCategory: source.category,
  };
}

export const listLinkedWhatsAppBusinessAccounts: OperationHandler = (ctx, { query }) => {
  authorize(ctx, "social-messaging:ListLinkedWhatsAppBusinessAccounts");
  const request = readPage(query);
  const { page, nextToken } = paginate(v, ctx.catalog.whatsAppBusinessAccounts, "ListLinkedWhatsAppBusinessAccounts", request, { defaultSize: DEFAULT_PAGE });
  return { linkedAccounts: page.map((account) => accountSummary(ctx.catalog, account)), nextToken };
};

export const getLinkedWhatsAppBusinessAccount: OperationHandler = (ctx, { query }) => {
  authorize(ctx, "social-messaging:GetLinkedWhatsAppBusinessAccount", query.get("id") ?? "*");
  const account = readAccount(ctx, query);
  return {
    account: {
      ...accountSummary(ctx.catalog, account),
      phoneNumbers: ctx.catalog.whatsAppNumbers(account.id).map((number) => phoneNumberSummary(ctx.catalog, account, number)),
    },
  };
};

export const listWhatsAppMessageTemplates: OperationHandler = (ctx, { query }) => {
  authorize(ctx, "social-messaging:ListWhatsAppMessageTemplates", query.get("id") ?? "*");
  const account = readAccount(ctx, query);
  const request = readPage(query);
  const templates = ctx.catalog.whatsAppTemplates(account.id);
  const { page, nextToken } = paginate(v, templates, `ListWhatsAppMessageTemplates|${account.id}`, request, { defaultSize: DEFAULT_PAGE });
  return { templates: page.map(templateSummary), nextToken };
};
