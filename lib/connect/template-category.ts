// Meta's category of the WhatsApp template a campaign sends: the source number leads to the WhatsApp Business Account
// it is registered in, and that account's templates of the Q in Connect template's name (and language) carry the
// category. What stops the read becomes the reason of an unknown answer, never an error: the caller decides what an
// unknown category means. Listings are cached briefly, as templates and numbers change rarely.
import { classifyConnectError } from "./classify-error";
import { connectFailureText } from "./error-message";
import type { LinkedAccount, MetaTemplate, SocialMessagingReads } from "./social-messaging";
import type { PhoneNumber, WhatsAppTemplateCategory, WhatsAppTemplateCategoryQuery } from "./types";

export const CATEGORY_CACHE_MS = 5 * 60_000;

const PERMISSIONS =
  "social-messaging:ListLinkedWhatsAppBusinessAccounts, social-messaging:GetLinkedWhatsAppBusinessAccount and social-messaging:ListWhatsAppMessageTemplates";

/** A load shared by concurrent callers and kept for `ttlMs`; a failed one is forgotten at once. */
class TtlCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}

class Unknown extends Error {}

function socialFailure(err: unknown): string {
  const e = classifyConnectError(err);
  if (e.httpStatus === undefined) return `End User Messaging Social could not be reached: ${e.name}: ${e.message}`;
  const rid = e.requestId ? ` (AWS request id ${e.requestId})` : "";
  const hint = e.name === "AccessDeniedException" ? `; the console's AWS role needs ${PERMISSIONS}` : "";
  return `End User Messaging Social answered ${e.name}: ${e.message}${rid}${hint}`;
}

const digits = (phone: string) => phone.replace(/\D/g, "");

export interface TemplateCategoryDeps {
  social: SocialMessagingReads;
  listPhoneNumbers(instanceId: string): Promise<PhoneNumber[]>;
  now?: () => number;
}

export function createTemplateCategoryReader(deps: TemplateCategoryDeps): (query: WhatsAppTemplateCategoryQuery) => Promise<WhatsAppTemplateCategory> {
  const now = deps.now ?? Date.now;
  const numbers = new TtlCache<PhoneNumber[]>(CATEGORY_CACHE_MS, now);
  const accounts = new TtlCache<LinkedAccount[]>(CATEGORY_CACHE_MS, now);
  const templates = new TtlCache<MetaTemplate[]>(CATEGORY_CACHE_MS, now);

  async function sourceNumber(query: WhatsAppTemplateCategoryQuery): Promise<PhoneNumber> {
    const list = await numbers
      .get(query.instanceId, () => deps.listPhoneNumbers(query.instanceId))
      .catch((err: unknown) => {
        throw new Unknown(connectFailureText(err));
      });
    const number = list.find((n) => n.arn === query.sourcePhoneNumberArn);
    if (!number) throw new Unknown("the source number is not one of the Connect instance's numbers");
    return number;
  }

  /** Registered in an account by the ARN End User Messaging Social gave the number, or else by its digits. */
  async function accountOf(number: PhoneNumber): Promise<LinkedAccount> {
    const linked = await accounts
      .get("all", () => deps.social.linkedAccounts())
      .catch((err: unknown) => {
        throw new Unknown(socialFailure(err));
      });
    const holds = (a: LinkedAccount) =>
      a.phoneNumbers.some(
        (n) => (number.sourcePhoneNumberArn && n.arn === number.sourcePhoneNumberArn) || digits(n.phoneNumber) === digits(number.phoneNumber),
      );
    const account = linked.find(holds);
    if (!account) throw new Unknown(`no WhatsApp Business Account linked to End User Messaging Social has the source number ${number.phoneNumber}`);
    return account;
  }

  function pick(account: LinkedAccount, list: MetaTemplate[], query: WhatsAppTemplateCategoryQuery): WhatsAppTemplateCategory {
    const where = `WhatsApp Business Account "${account.name}" (${account.id})`;
    const named = list.filter((t) => t.name === query.templateName);
    if (named.length === 0) throw new Unknown(`${where} has no template "${query.templateName}"`);
    const candidates = query.language ? named.filter((t) => t.language === query.language) : named;
    if (candidates.length === 0) {
      const languages = [...new Set(named.map((t) => t.language ?? "no language"))].join(", ");
      throw new Unknown(`${where} has template "${query.templateName}" in ${languages}, not in ${query.language}`);
    }
    const categories = [...new Set(candidates.map((t) => t.category?.trim().toUpperCase() ?? ""))];
    if (categories.includes("")) throw new Unknown(`${where} reports no category for template "${query.templateName}"`);
    if (categories.length > 1) {
      throw new Unknown(
        `template "${query.templateName}" has languages of different categories (${categories.join(", ")}) and the campaign's language is not known`,
      );
    }
    const only = candidates.length === 1 ? candidates[0] : undefined;
    return { known: true, category: categories[0]!, businessAccountId: account.id, metaTemplateId: only?.metaTemplateId, language: only?.language };
  }

  return async (query) => {
    try {
      const account = await accountOf(await sourceNumber(query));
      const list = await templates
        .get(account.id, () => deps.social.templates(account.id))
        .catch((err: unknown) => {
          throw new Unknown(socialFailure(err));
        });
      return pick(account, list, query);
    } catch (err) {
      return { known: false, reason: err instanceof Unknown ? err.message : `reading it failed: ${(err as Error).message ?? String(err)}` };
    }
  };
}
