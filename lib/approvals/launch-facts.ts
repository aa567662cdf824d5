import "server-only";
// What the approval rules read about a launch besides its recipients: a WhatsApp campaign's template and Meta's
// category of it. Read before the launch's or the request's transaction, so Connect is never waited on with the
// campaign row locked; the read names the instance, number and template it was made for, and a draft that changed
// meanwhile is judged as unread (which counts as marketing) rather than by another draft's template.
import { eq } from "drizzle-orm";
import { connectFailureText } from "@/lib/connect/error-message";
import type { ConnectGateway } from "@/lib/connect/gateway";
import type { WhatsAppTemplateCategory } from "@/lib/connect/types";
import { campaigns, type Campaign } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { readApprovalSetting } from "@/lib/settings/approval";
import { needsTemplateCategory, type LaunchFacts } from "@/lib/settings/approval-schema";

/** The gateway, asked for only when a category is to be read (local mode has none while the simulator is down). */
export type GatewaySource = () => Promise<ConnectGateway>;

export interface TemplateRead {
  /** The instance, number and template the read was made for. */
  key: string;
  name: string;
  category: WhatsAppTemplateCategory;
}

type Sender = Pick<Campaign, "channel" | "instanceId" | "sourcePhoneNumberArn" | "config">;

interface TemplateMessage {
  kind: "template";
  knowledgeBaseId: string;
  messageTemplateId: string;
  templateName?: string;
}

function templateMessage(campaign: Sender): TemplateMessage | undefined {
  const message = (campaign.config as { message?: { kind?: string } }).message;
  return message?.kind === "template" ? (message as TemplateMessage) : undefined;
}

function keyOf(campaign: Sender): string {
  const message = templateMessage(campaign);
  return JSON.stringify([campaign.instanceId, campaign.sourcePhoneNumberArn, message?.knowledgeBaseId ?? null, message?.messageTemplateId ?? null]);
}

/** The campaign's template as Q in Connect names it, and End User Messaging Social's category of it for its number. */
export async function readTemplateCategory(gateway: GatewaySource, campaign: Sender): Promise<TemplateRead> {
  const key = keyOf(campaign);
  const message = templateMessage(campaign);
  if (!message) return { key, name: "", category: { known: false, reason: "the campaign names no message template of its own" } };
  const fallbackName = message.templateName || message.messageTemplateId;
  const unknown = (name: string, reason: string): TemplateRead => ({ key, name, category: { known: false, reason } });
  let g: ConnectGateway;
  try {
    g = await gateway();
  } catch (err) {
    return unknown(fallbackName, connectFailureText(err));
  }
  let detail: { name: string; language?: string };
  try {
    detail = await g.getMessageTemplate(message.knowledgeBaseId, message.messageTemplateId);
  } catch (err) {
    return unknown(fallbackName, `Q in Connect did not return the template: ${connectFailureText(err)}`);
  }
  const category = await g.whatsAppTemplateCategory({
    instanceId: campaign.instanceId,
    sourcePhoneNumberArn: campaign.sourcePhoneNumberArn,
    templateName: detail.name,
    language: detail.language,
  });
  return { key, name: detail.name, category };
}

/**
 * Before a launch or an approval request: the template's category when the setting asks about it for this campaign,
 * else nothing. An unknown or launched campaign reads nothing; the transaction that follows refuses it.
 */
export async function readBeforeLaunch(db: Db, gateway: GatewaySource, campaignId: string): Promise<TemplateRead | undefined> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign || campaign.status !== "draft") return undefined;
  if (!needsTemplateCategory(await readApprovalSetting(db), campaign.channel)) return undefined;
  return readTemplateCategory(gateway, campaign);
}

/** The facts of this campaign as it stands, with the template read only if it was made for this very campaign. */
export function launchFacts(campaign: Sender, valid: number, read: TemplateRead | undefined): LaunchFacts {
  const template = read && read.key === keyOf(campaign) ? { name: read.name, category: read.category } : undefined;
  return { valid, channel: campaign.channel, template };
}
