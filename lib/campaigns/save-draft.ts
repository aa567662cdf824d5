import "server-only";
// Saving a draft without holding the database: (a) one short transaction stores the campaign row (marked as writing),
// its source and the audit entry; (b) the rows are deleted and written in batches, each its own statement, so other
// queries run between them (PGlite answers one query at a time); (c) one statement marks the rows ready with the
// summary of exactly the rows written. A save whose rows are unchanged (same fingerprint, ready) writes no row.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AuditActor } from "@/lib/audit/context";
import type { ConnectGateway } from "@/lib/connect/gateway";
import type { Campaign } from "@/lib/db/schema";
import { rawClientOf } from "@/lib/db/raw-client";
import type { Db } from "@/lib/db/types";
import { UserFacingError } from "@/lib/errors";
import { LEDGER_BUSY_MESSAGE, LEDGER_READY, loadCampaignForChange, saveInProgress, writingState } from "./campaign-guard";
import { recalledCheck } from "./checked-lists";
import { abandonDraftWrite, finishDraftWrite, stillWriting, storeDraft, storedFacts, toRecipientRows } from "./drafts";
import { recipientsFingerprint } from "./fingerprint";
import { deleteLedgerRows, openLedgerWriter } from "@/lib/ledger/bulk-write";
import { buildSummary, checkAgainstConnect, checkRecipientList, factsOf, type PreflightLimits, type PreflightRunOptions } from "./preflight-server";
import type { PreflightSummary } from "./preflight-summary";
import { resolveRecipientSource } from "./recipient-source";
import { campaignInputSchema, type CampaignConfig } from "./schemas";

export const saveDraftSchema = z.object({ campaignId: z.uuid().optional(), campaign: campaignInputSchema });

const FROZEN = "Launched campaigns are frozen and cannot be edited";
const LAUNCHED_MEANWHILE = "The campaign was launched while you were editing it";
const TAKEN_OVER = "Another save of this draft replaced this one; reload the draft";

export interface SaveWho {
  actor: AuditActor;
  user: { id: string; email: string };
}

export interface SavedDraft {
  campaignId: string;
  preflight: PreflightSummary;
}

/** Rows per write: small enough that one statement never holds the embedded database for long. */
export const writeBatchRows = (db: Db) => (rawClientOf(db)?.kind === "postgres" ? 10_000 : 2000);

export async function saveDraftCore(
  db: Db,
  gateway: ConnectGateway,
  input: z.output<typeof saveDraftSchema>,
  who: SaveWho,
  limits: PreflightLimits,
  o: PreflightRunOptions = {},
): Promise<SavedDraft> {
  const c = input.campaign;
  const existing = input.campaignId ? await loadCampaignForChange(db, input.campaignId, "draft", FROZEN) : undefined;
  if (existing && saveInProgress(existing)) throw new UserFacingError("conflict", LEDGER_BUSY_MESSAGE);
  const campaignId = existing?.id ?? randomUUID();
  // Connect and the upload are read before any transaction opens, so no lock waits on the network.
  const [source, connect] = await Promise.all([resolveRecipientSource(db, c.recipients, limits.maxRecipientBytes), checkAgainstConnect(gateway, c)]);
  const fingerprint = recipientsFingerprint(source, c, connect.country);
  const base = { existing, campaignId, config: c, fingerprint, source, creator: who.user, actor: who.actor };

  if (existing && existing.recipientsFingerprint === fingerprint && existing.ledgerState === LEDGER_READY) {
    const summary = buildSummary(c, limits, connect, await storedFacts(db, existing), campaignId);
    await db.transaction(async (tx) => {
      const now = await loadCampaignForChange(tx, campaignId, "draft", LAUNCHED_MEANWHILE);
      if (now.recipientsFingerprint !== fingerprint || now.ledgerState !== LEDGER_READY) throw new UserFacingError("conflict", TAKEN_OVER);
      await storeDraft(tx, { ...base, summary, ledgerState: LEDGER_READY });
    });
    return { campaignId, preflight: summary };
  }

  // The summary the draft is stored with while its rows are written: a check of this very list made moments ago, or
  // one made now (which also finds a list that cannot work before anything is stored).
  const facts = recalledCheck(fingerprint) ?? factsOf(await checkRecipientList(db, source, c, connect.country, { ...o, stage: "check" }));
  const saveId = randomUUID();
  await db.transaction(async (tx) => {
    if (existing) {
      const now = await loadCampaignForChange(tx, campaignId, "draft", LAUNCHED_MEANWHILE);
      if (saveInProgress(now)) throw new UserFacingError("conflict", LEDGER_BUSY_MESSAGE);
    }
    await storeDraft(tx, { ...base, summary: buildSummary(c, limits, connect, facts, campaignId), ledgerState: writingState(saveId) });
  });

  // From here on the save finishes even if the caller goes away: stopping would only leave the draft to rebuild.
  try {
    const written = await writeRows(db, existing, campaignId, saveId, c, source, connect.country, { onProgress: o.onProgress, total: facts.total });
    const summary = buildSummary(c, limits, connect, written, campaignId);
    if (!(await finishDraftWrite(db, campaignId, saveId, summary))) throw new UserFacingError("conflict", TAKEN_OVER);
    return { campaignId, preflight: summary };
  } catch (err) {
    await abandonDraftWrite(db, campaignId, saveId).catch(() => undefined);
    throw err;
  }
}

async function writeRows(
  db: Db,
  existing: Campaign | undefined,
  campaignId: string,
  saveId: string,
  c: CampaignConfig,
  source: Awaited<ReturnType<typeof resolveRecipientSource>>,
  country: string | undefined,
  o: { onProgress?: PreflightRunOptions["onProgress"]; total: number },
) {
  if (existing) await deleteLedgerRows(db, campaignId);
  const writer = await openLedgerWriter(db, campaignId);
  // One batch is written while the next is read and checked: PostgreSQL works in its own process meanwhile.
  let writing: Promise<void> = Promise.resolve();
  try {
    const list = await checkRecipientList(db, source, c, country, {
      stage: "store",
      batchRows: writeBatchRows(db),
      onProgress: o.onProgress && ((p) => o.onProgress!({ ...p, total: p.total ?? o.total })),
      sink: async (rows) => {
        await writing;
        const batch = toRecipientRows(rows);
        writing = (async () => {
          if (!(await stillWriting(db, campaignId, saveId))) throw new UserFacingError("conflict", TAKEN_OVER);
          await writer.write(batch);
        })();
        // Awaited with the next batch or at the end; this only keeps a failure from counting as unhandled meanwhile.
        writing.catch(() => undefined);
      },
    });
    await writing;
    return factsOf(list);
  } finally {
    await writing.catch(() => undefined);
    await writer.close();
  }
}
