import "server-only";
// Stores a draft: the campaign row, its recipients' source (an upload's id, or the text itself) so the draft can be
// reopened, and the audit entry. The ledger rows are written apart, in batches (see save-draft.ts).
import { and, asc, eq, sql } from "drizzle-orm";
import { withdrawIfEdited } from "@/lib/approvals/gate";
import { configHash } from "@/lib/approvals/version";
import { changedFields, recordAudit } from "@/lib/audit/record";
import type { AuditActor } from "@/lib/audit/context";
import { campaignRecipients, campaignSources, campaigns, type Campaign } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { PreflightRow } from "@/lib/recipients/preflight-types";
import { LEDGER_READY, LEDGER_STOPPED, writingState } from "./campaign-guard";
import type { NewRecipientRow } from "@/lib/ledger/bulk-write";
import type { RecipientFacts } from "./preflight-server";
import type { PreflightSummary } from "./preflight-summary";
import { getCampaign } from "./queries";
import type { RecipientSource } from "./recipient-source";
import type { CampaignConfig, CampaignInput } from "./schemas";

/** The key the rendered message travels under in a valid row's variables. */
const MESSAGE_KEY = "__message";

export function toRecipientRows(rows: readonly PreflightRow[]): NewRecipientRow[] {
  return rows.map((r) => {
    const valid = r.status === "valid";
    return {
      line: r.line,
      phoneRaw: r.phoneRaw,
      phone: "e164" in r ? (r.e164 ?? null) : null,
      name: r.name ?? null,
      attributes: valid && Object.keys(r.attributes).length > 0 ? r.attributes : null,
      variables: valid ? { ...r.variables, ...(r.message !== undefined ? { [MESSAGE_KEY]: r.message } : {}) } : null,
      preflightStatus: r.status,
      reason: valid ? null : r.reason,
      duplicateOfLine: r.status === "duplicate" ? r.duplicateOfLine : null,
      sendStatus: valid ? "pending" : null,
      timeZone: valid ? (r.timeZone ?? null) : null,
    };
  });
}

/** What a campaign row keeps of the composer input: everything but the recipients' text (see campaign_sources). */
export function storedConfig(c: CampaignConfig) {
  const { text: _text, ...recipients } = c.recipients;
  return { ...c, recipients };
}

export interface DraftWrite {
  existing: Campaign | undefined;
  campaignId: string;
  config: CampaignConfig;
  summary: PreflightSummary;
  fingerprint: string;
  ledgerState: string;
  /** The rows are counted as they are written: no counts to audit yet (finishDraftWrite audits them). */
  counting?: boolean;
  source: RecipientSource;
  creator: { id: string; email: string };
  actor: AuditActor;
}

/** The campaign row, its source and the audit entry, in the caller's (short) transaction. */
export async function storeDraft(tx: Db, w: DraftWrite): Promise<Campaign> {
  const c = w.config;
  const values = {
    name: c.name,
    description: c.description,
    channel: c.channel,
    instanceId: c.instanceId,
    contactFlowId: c.contactFlowId,
    sourcePhoneNumberArn: c.sourcePhoneNumberArn,
    config: storedConfig(c),
    preflight: w.summary,
    recipientsFingerprint: w.fingerprint,
    ledgerState: w.ledgerState,
    scheduledAt: c.schedule.mode === "at" ? new Date(c.schedule.at) : null,
    updatedAt: new Date(),
  };
  const [row] = w.existing
    ? await tx.update(campaigns).set(values).where(eq(campaigns.id, w.existing.id)).returning()
    : await tx
        .insert(campaigns)
        .values({ ...values, id: w.campaignId, createdBy: w.creator.id, createdByEmail: w.creator.email })
        .returning();
  const source = { format: w.source.format, fileName: w.source.fileName, text: w.source.uploadId ? null : w.source.text, uploadId: w.source.uploadId };
  await tx
    .insert(campaignSources)
    .values({ campaignId: row!.id, ...source })
    .onConflictDoUpdate({ target: campaignSources.campaignId, set: source });
  // An edit must not ride on an approval given to the draft as it was.
  if (w.existing) await withdrawIfEdited(tx, row!.id, { recipientsFingerprint: w.fingerprint, configHash: configHash(storedConfig(c)) }, w.actor);
  const counts = w.counting ? { total: w.summary.total, counting: true } : w.summary.counts;
  await recordAudit(tx, w.actor, {
    action: w.existing ? "campaign.updated" : "campaign.created",
    targetType: "campaign",
    targetId: row!.id,
    diff: w.existing
      ? { ...changedFields(w.existing.config as Record<string, unknown>, storedConfig(c)), recipients: counts }
      : { name: row!.name, channel: row!.channel, recipients: counts, ...(c.frequencyCap === "exempt" ? { frequencyCap: "exempt" } : {}) },
  });
  return row!;
}

/**
 * Ends a save: the rows are complete and the summary is theirs. False when another save took the draft over. Given an
 * actor, the counts are audited with the change (a save that counted the rows only as it wrote them).
 */
export async function finishDraftWrite(db: Db, campaignId: string, writeId: string, summary: PreflightSummary, auditAs?: AuditActor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(campaigns)
      .set({ ledgerState: LEDGER_READY, preflight: summary, updatedAt: new Date() })
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.ledgerState, writingState(writeId))))
      .returning({ id: campaigns.id });
    if (rows.length !== 1) return false;
    if (auditAs) {
      await recordAudit(tx, auditAs, {
        action: "campaign.recipients_counted",
        targetType: "campaign",
        targetId: campaignId,
        diff: { recipients: summary.counts, total: summary.total },
      });
    }
    return true;
  });
}

/** Keeps a running save's claim fresh; false when the draft is no longer this save's to write (taken over, deleted). */
export async function stillWriting(db: Db, campaignId: string, writeId: string): Promise<boolean> {
  const rows = await db
    .update(campaigns)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.ledgerState, writingState(writeId))))
    .returning({ id: campaigns.id });
  return rows.length === 1;
}

/** After a save failed part-way: launch stays refused and the next save rebuilds without waiting for the claim to age. */
export async function abandonDraftWrite(db: Db, campaignId: string, writeId: string): Promise<void> {
  await db
    .update(campaigns)
    .set({ ledgerState: LEDGER_STOPPED })
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.ledgerState, writingState(writeId))));
}

/** The facts of a draft's stored rows: the counts and samples its summary keeps, and its first valid rows in full. */
export async function storedFacts(db: Db, campaign: Campaign): Promise<RecipientFacts> {
  const p = campaign.preflight as PreflightSummary;
  const rows = await db
    .select({
      phone: campaignRecipients.phone,
      name: campaignRecipients.name,
      attributes: campaignRecipients.attributes,
      variables: campaignRecipients.variables,
    })
    .from(campaignRecipients)
    .where(and(eq(campaignRecipients.campaignId, campaign.id), eq(campaignRecipients.preflightStatus, "valid")))
    // Line order is the order the rows were written in, and the campaign's line index serves it.
    .orderBy(asc(campaignRecipients.line))
    .limit(3);
  return {
    total: p.total,
    counts: p.counts,
    // The rows are unchanged since this summary was made, so its reasons still hold.
    invalidByProblem: Object.fromEntries((p.invalidReasons ?? []).map((r) => [r.problem, r.count])),
    ...(p.smsSegments ? { smsSegments: p.smsSegments } : {}),
    samples: p.samples,
    columns: p.columns,
    firstValid: rows.map((r) => {
      const { [MESSAGE_KEY]: message, ...variables } = (r.variables ?? {}) as Record<string, string>;
      return { e164: r.phone!, name: r.name ?? undefined, attributes: (r.attributes ?? {}) as Record<string, string>, variables, message };
    }),
  };
}

/** The composer's input for a draft, to edit it; null when the campaign is not a draft. */
export async function loadDraftForEdit(db: Db, id: string): Promise<{ campaignId: string; input: CampaignInput } | null> {
  const campaign = await getCampaign(db, id);
  if (!campaign || campaign.status !== "draft") return null;
  const [source] = await db.select().from(campaignSources).where(eq(campaignSources.campaignId, id));
  const config = campaign.config as Omit<CampaignInput, "recipients"> & { recipients: Omit<CampaignInput["recipients"], "text"> };
  const { uploadId: _stale, ...recipients } = config.recipients;
  const given = source?.uploadId ? { uploadId: source.uploadId } : { text: source?.text ?? "" };
  return { campaignId: id, input: { ...config, recipients: { ...recipients, ...given } } as CampaignInput };
}
