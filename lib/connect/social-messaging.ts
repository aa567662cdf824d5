// End User Messaging Social, read-only: the WhatsApp Business Accounts linked to the AWS account with their numbers,
// and one account's Meta templates. Q in Connect does not say a WhatsApp template's category; this service does.
import {
  GetLinkedWhatsAppBusinessAccountCommand,
  SocialMessagingClient,
  paginateListLinkedWhatsAppBusinessAccounts,
  paginateListWhatsAppMessageTemplates,
  type SocialMessagingClientConfig,
} from "@aws-sdk/client-socialmessaging";

export interface LinkedAccount {
  /** waba-… */
  id: string;
  name: string;
  phoneNumbers: { arn: string; phoneNumber: string }[];
}

export interface MetaTemplate {
  name: string;
  language?: string;
  category?: string;
  status?: string;
  metaTemplateId?: string;
}

export interface SocialMessagingReads {
  linkedAccounts(): Promise<LinkedAccount[]>;
  templates(accountId: string): Promise<MetaTemplate[]>;
}

export function createSocialMessagingReads(config: SocialMessagingClientConfig): SocialMessagingReads {
  const client = new SocialMessagingClient(config);
  return {
    async linkedAccounts() {
      const ids: string[] = [];
      for await (const page of paginateListLinkedWhatsAppBusinessAccounts({ client }, {})) {
        ids.push(...(page.linkedAccounts ?? []).flatMap((a) => (a.id ? [a.id] : [])));
      }
      // The listing has no numbers; each account's details do.
      return Promise.all(
        ids.map(async (id) => {
          const { account } = await client.send(new GetLinkedWhatsAppBusinessAccountCommand({ id }));
          return {
            id,
            name: account?.wabaName ?? id,
            phoneNumbers: (account?.phoneNumbers ?? []).map((n) => ({ arn: n.arn ?? "", phoneNumber: n.phoneNumber ?? "" })),
          };
        }),
      );
    },

    async templates(accountId) {
      const templates: MetaTemplate[] = [];
      for await (const page of paginateListWhatsAppMessageTemplates({ client }, { id: accountId })) {
        for (const t of page.templates ?? []) {
          templates.push({
            name: t.templateName ?? "",
            language: t.templateLanguage,
            category: t.templateCategory,
            status: t.templateStatus,
            metaTemplateId: t.metaTemplateId,
          });
        }
      }
      return templates;
    },
  };
}
