// Read-only view of the seed with ARNs derived the way Connect and Q in Connect build them, plus lookups.
import type { MessagingChannel } from "./channels";
import type {
  Seed,
  SeedContactFlow,
  SeedInstance,
  SeedKnowledgeBase,
  SeedMessageTemplate,
  SeedPhoneNumber,
  SeedQueue,
  SeedWhatsAppBusinessAccount,
} from "./seed-schema";
import { placeholderNames } from "./template-placeholders";

export interface CatalogInstance extends SeedInstance {
  arn: string;
  serviceRole: string;
}
export interface CatalogFlow extends SeedContactFlow {
  arn: string;
  instanceId: string;
}
export interface CatalogQueue extends SeedQueue {
  arn: string;
  instanceId: string;
}
export interface CatalogPhoneNumber extends SeedPhoneNumber {
  arn: string;
  instanceId: string;
  instanceArn: string;
}
export interface CatalogKnowledgeBase extends SeedKnowledgeBase {
  arn: string;
}
export interface CatalogMessageTemplate extends SeedMessageTemplate {
  arn: string;
  knowledgeBaseId: string;
  knowledgeBaseArn: string;
  /** The body's placeholders in order of first use: the custom attributes the template needs. */
  variables: string[];
}

export class Catalog {
  readonly accountId: string;
  readonly region: string;
  readonly instances: CatalogInstance[];
  readonly knowledgeBases: CatalogKnowledgeBase[];
  readonly whatsAppBusinessAccounts: SeedWhatsAppBusinessAccount[];
  private readonly flowsByInstance = new Map<string, CatalogFlow[]>();
  private readonly queuesByInstance = new Map<string, CatalogQueue[]>();
  readonly phoneNumbers: CatalogPhoneNumber[] = [];
  private readonly templatesByKb = new Map<string, CatalogMessageTemplate[]>();

  constructor(seed: Seed) {
    this.accountId = seed.accountId;
    this.region = seed.region;
    this.whatsAppBusinessAccounts = seed.whatsAppBusinessAccounts;
    const connectArn = `arn:aws:connect:${seed.region}:${seed.accountId}`;
    const wisdomArn = `arn:aws:wisdom:${seed.region}:${seed.accountId}`;
    this.instances = seed.instances.map((instance) => {
      const arn = `${connectArn}:instance/${instance.id}`;
      this.flowsByInstance.set(
        instance.id,
        instance.contactFlows.map((flow) => ({ ...flow, arn: `${arn}/contact-flow/${flow.id}`, instanceId: instance.id })),
      );
      this.queuesByInstance.set(
        instance.id,
        instance.queues.map((queue) => ({ ...queue, arn: `${arn}/queue/${queue.id}`, instanceId: instance.id })),
      );
      for (const number of instance.phoneNumbers) {
        this.phoneNumbers.push({
          ...number,
          arn: `${connectArn}:phone-number/${number.id}`,
          instanceId: instance.id,
          instanceArn: arn,
        });
      }
      return {
        ...instance,
        arn,
        serviceRole: `arn:aws:iam::${seed.accountId}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_${instance.alias}`,
      };
    });
    this.knowledgeBases = seed.knowledgeBases.map((kb) => {
      const arn = `${wisdomArn}:knowledge-base/${kb.id}`;
      this.templatesByKb.set(
        kb.id,
        kb.messageTemplates.map((template) => ({
          ...template,
          arn: `${wisdomArn}:message-template/${kb.id}/${template.id}`,
          knowledgeBaseId: kb.id,
          knowledgeBaseArn: arn,
          variables: placeholderNames(template.body),
        })),
      );
      return { ...kb, arn };
    });
  }

  /** Connect accepts an instance id or its ARN wherever an InstanceId is expected. */
  findInstance(idOrArn: string): CatalogInstance | undefined {
    return this.instances.find((instance) => instance.id === idOrArn || instance.arn === idOrArn);
  }

  flows(instanceId: string): CatalogFlow[] {
    return this.flowsByInstance.get(instanceId) ?? [];
  }

  findFlow(instanceId: string, idOrArn: string): CatalogFlow | undefined {
    return this.flows(instanceId).find((flow) => flow.id === idOrArn || flow.arn === idOrArn);
  }

  queues(instanceId: string): CatalogQueue[] {
    return this.queuesByInstance.get(instanceId) ?? [];
  }

  findPhoneNumberById(id: string): CatalogPhoneNumber | undefined {
    return this.phoneNumbers.find((number) => number.id === id);
  }

  /** Flow ids are unique across the seed, so a flow can be found without its instance. */
  findFlowInAnyInstance(id: string): CatalogFlow | undefined {
    for (const flows of this.flowsByInstance.values()) {
      const flow = flows.find((candidate) => candidate.id === id);
      if (flow) return flow;
    }
    return undefined;
  }

  findWhatsAppBusinessAccount(id: string): SeedWhatsAppBusinessAccount | undefined {
    return this.whatsAppBusinessAccounts.find((account) => account.id === id);
  }

  /** The numbers registered in a WhatsApp Business Account, in seed order. */
  whatsAppNumbers(accountId: string): CatalogPhoneNumber[] {
    return this.phoneNumbers.filter((number) => number.whatsAppBusinessAccountId === accountId);
  }

  /**
   * The account's Meta templates, one per template id and language, as the Q in Connect templates made from them
   * describe them: two knowledge bases may hold the same Meta template.
   */
  whatsAppTemplates(accountId: string): CatalogMessageTemplate[] {
    const seen = new Set<string>();
    return [...this.templatesByKb.values()].flat().filter((template) => {
      if (template.whatsApp?.businessAccountId !== accountId) return false;
      const key = `${template.whatsApp.templateId}|${template.language ?? ""}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  findPhoneNumberByArn(arn: string): CatalogPhoneNumber | undefined {
    return this.phoneNumbers.find((number) => number.arn === arn);
  }

  findPhoneNumberBySourceArn(sourceArn: string): CatalogPhoneNumber | undefined {
    return this.phoneNumbers.find((number) => number.sourcePhoneNumberArn === sourceArn);
  }

  findKnowledgeBase(idOrArn: string): CatalogKnowledgeBase | undefined {
    return this.knowledgeBases.find((kb) => kb.id === idOrArn || kb.arn === idOrArn);
  }

  templates(knowledgeBaseId: string): CatalogMessageTemplate[] {
    return this.templatesByKb.get(knowledgeBaseId) ?? [];
  }

  /** Template ids may be given as id or ARN, optionally qualified with a version (`id:3`). */
  findTemplate(knowledgeBaseId: string, idOrArn: string): CatalogMessageTemplate | undefined {
    const unqualified = idOrArn.replace(/:\d+$|:\$LATEST$/, "");
    return this.templates(knowledgeBaseId).find((t) => t.id === unqualified || t.arn === unqualified);
  }
}

export function subtypeChannel(subtype: string): MessagingChannel | undefined {
  const lower = subtype.toLowerCase();
  if (lower === "connect:sms") return "SMS";
  if (lower === "connect:whatsapp") return "WHATSAPP";
  return undefined;
}

export function channelSubtype(channel: MessagingChannel): "connect:SMS" | "connect:WhatsApp" {
  return channel === "SMS" ? "connect:SMS" : "connect:WhatsApp";
}
