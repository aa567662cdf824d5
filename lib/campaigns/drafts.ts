import "server-only";
// Stores a draft: the campaign row, its recipients (every preflight row, valid ones entering the send ledger
// as pending), and the recipients' source text so the draft can be reopened.
import { eq } from "drizzle-orm";
import { campaignSources, campaigns, type Campaign } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { PreflightReport, PreflightRow } from "@/lib/recipients/preflight-types";
import type { PreflightSummary } from "./preflight-summary";
import { getCampaign, replaceRecipients, type NewRecipientRow } from "./queries";
import type { CampaignConfig, CampaignInput } from "./schemas";

function* toRecipientRows(rows: readonly PreflightRow[]): Generator<NewRecipientRow> {
  for (const r of rows) {
    const valid = r.status === "valid";
    yield {
      line: r.line,
      phoneRaw: r.phoneRaw,
      phone: "e164" in r ? (r.e164 ?? null) : null,
      name: r.name ?? null,
      attributes: valid && Object.keys(r.attributes).length > 0 ? r.attributes : null,
      variables: valid ? { ...r.variables, ...(r.message !== undefined ? { __message: r.message } : {}) } : null,
      preflightStatus: r.status,
      reason: valid ? null : r.reason,
      duplicateOfLine: r.status === "duplicate" ? r.duplicateOfLine : null,
      sendStatus: valid ? "pending" : null,
    };
  }
}

/** What a campaign row keeps of the composer input: everything but the recipients' text (see campaign_sources). */
export function storedConfig(c: CampaignConfig) {
  const { text: _text, ...recipients } = c.recipients;
  return { ...c, recipients };
}

export async function writeDraft(
  tx: Db,
  existing: Campaign | undefined,
  c: CampaignConfig,
  summary: PreflightSummary,
  report: PreflightReport,
  creator: { id: string; email: string },
  campaignId: string,
): Promise<Campaign> {
  const values = {
    name: c.name,
    description: c.description,
    channel: c.channel,
    instanceId: c.instanceId,
    contactFlowId: c.contactFlowId,
    sourcePhoneNumberArn: c.sourcePhoneNumberArn,
    config: storedConfig(c),
    preflight: summary,
    scheduledAt: c.schedule.mode === "at" ? new Date(c.schedule.at) : null,
    updatedAt: new Date(),
  };
  const [row] = existing
    ? await tx.update(campaigns).set(values).where(eq(campaigns.id, existing.id)).returning()
    : await tx
        .insert(campaigns)
        .values({ ...values, id: campaignId, createdBy: creator.id, createdByEmail: creator.email })
        .returning();
  await replaceRecipients(tx, row!.id, toRecipientRows(report.rows));
  const source = { format: c.recipients.format, fileName: c.recipients.fileName ?? null, text: c.recipients.text };
  await tx
    .insert(campaignSources)
    .values({ campaignId: row!.id, ...source })
    .onConflictDoUpdate({ target: campaignSources.campaignId, set: source });
  return row!;
}

/** The composer's input for a draft, to edit it; null when the campaign is not a draft. */
export async function loadDraftForEdit(db: Db, id: string): Promise<{ campaignId: string; input: CampaignInput } | null> {
  const campaign = await getCampaign(db, id);
  if (!campaign || campaign.status !== "draft") return null;
  const [source] = await db.select().from(campaignSources).where(eq(campaignSources.campaignId, id));
  const config = campaign.config as Omit<CampaignInput, "recipients"> & { recipients: Omit<CampaignInput["recipients"], "text"> };
  return { campaignId: id, input: { ...config, recipients: { ...config.recipients, text: source?.text ?? "" } } as CampaignInput };
}
