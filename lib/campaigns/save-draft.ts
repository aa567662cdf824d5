import "server-only";
// Saving a draft without holding the database: (a) one short transaction stores the campaign row (marked as writing),
// its source and the audit entry; (b) the rows are deleted and written in batches, each its own statement, so other
// queries run between them (PGlite answers one query at a time); (c) one statement marks the rows ready with the
// summary of exactly the rows written. An upload is read once: its rows are checked as they are written. A save whose rows are unchanged (same fingerprint, ready) writes no row.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AuditActor } from "@/lib/audit/context";
import type { ConnectGateway } from "@/lib/connect/gateway";
import type { Campaign } from "@/lib/db/schema";
import { rawClientOf } from "@/lib/db/raw-client";
import type { Db } from "@/lib/db/types";
import { UserFacingError } from "@/lib/errors";
import { LEDGER_BUSY_MESSAGE, LEDGER_READY, STILL_COUNTING, loadCampaignForChange, saveInProgress, writingState } from "./campaign-guard";
import { recalledCheck } from "./checked-lists";
import { abandonDraftWrite, finishDraftWrite, stillWriting, storeDraft, storedFacts, toRecipientRows } from "./drafts";
import { recipientsFingerprint } from "./fingerprint";
import { deleteLedgerRows, openLedgerWriter, type NewRecipientRow } from "@/lib/ledger/bulk-write";
import { createPreflightChecker } from "@/lib/recipients/preflight";
import {
  buildSummary,
  checkCampaignWorld,
  checkRecipientList,
  factsOf,
  readHeader,
  recipientOptions,
  type ConnectCheck,
  type PreflightLimits,
  type PreflightRunOptions,
} from "./preflight-server";
import type { PreflightSummary } from "./preflight-summary";
import { resolveRecipientSource, type RecipientSource } from "./recipient-source";
import { campaignInputSchema, type CampaignConfig } from "./schemas";

export const saveDraftSchema = z.object({ campaignId: z.uuid().optional(), campaign: campaignInputSchema });

const FROZEN = "Launched campaigns are frozen and cannot be edited";
const LAUNCHED_MEANWHILE = "The campaign was launched while you were editing it";
const TAKEN_OVER = "Another save of this draft replaced this one; reload the draft";

export interface SaveWho {
  actor: AuditActor;
  user: { id: string; email: string };
  /** Runs in the transaction that first stores the draft, e.g. to audit where a copy came from with it. */
  alsoWhenStored?: (tx: Db, campaignId: string) => Promise<void>;
}

export interface SavedDraft {
  campaignId: string;
  preflight: PreflightSummary;
}

/**
 * Rows per write. PGlite answers one query at a time, so its statements stay small; PostgreSQL serves other queries on
 * other connections meanwhile, and fewer, larger COPYs cost it and the console less per row.
 */
export const writeBatchRows = (db: Db) => (rawClientOf(db)?.kind === "postgres" ? 40_000 : 2000);
/** Rows checked at a time while a save writes: a few milliseconds of work between turns of the event loop. */
const CHECK_BATCH_ROWS = 1000;

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
  const [source, connect] = await Promise.all([
    resolveRecipientSource(db, c.recipients, limits.maxRecipientBytes),
    checkCampaignWorld(db, gateway, c, existing?.id),
  ]);
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

  // The summary the draft is stored with while its rows are written: a check of this very list made moments ago; for
  // an upload (read whole once already, so its rows are countable and its file readable) only its header is checked
  // now and the rows are counted as they are written, in one read; pasted text is checked in full first. Either way a
  // list that cannot work is refused before anything is stored.
  const recalled = recalledCheck(fingerprint);
  const countedWhileWriting = recalled === undefined && source.uploadId !== null;
  let summary: PreflightSummary;
  if (recalled) summary = buildSummary(c, limits, connect, recalled, campaignId);
  else if (countedWhileWriting) summary = await countingSummary(source, c, limits, connect, campaignId);
  else summary = buildSummary(c, limits, connect, factsOf(await checkRecipientList(db, source, c, connect.country, { ...o, stage: "check" })), campaignId);
  const saveId = randomUUID();
  await db.transaction(async (tx) => {
    if (existing) {
      const now = await loadCampaignForChange(tx, campaignId, "draft", LAUNCHED_MEANWHILE);
      if (saveInProgress(now)) throw new UserFacingError("conflict", LEDGER_BUSY_MESSAGE);
    }
    await storeDraft(tx, { ...base, summary, ledgerState: writingState(saveId), counting: countedWhileWriting });
    await who.alsoWhenStored?.(tx, campaignId);
  });

  // From here on the save finishes even if the caller goes away: stopping would only leave the draft to rebuild.
  try {
    const written = await writeRows(db, existing, campaignId, saveId, c, source, connect.country, { onProgress: o.onProgress, total: summary.total });
    const final = buildSummary(c, limits, connect, written, campaignId);
    // A save that counted the rows as it wrote them audits the counts it found, with the change that stores them.
    const audit = countedWhileWriting ? who.actor : undefined;
    if (!(await finishDraftWrite(db, campaignId, saveId, final, audit))) throw new UserFacingError("conflict", TAKEN_OVER);
    return { campaignId, preflight: final };
  } catch (err) {
    await abandonDraftWrite(db, campaignId, saveId).catch(() => undefined);
    throw err;
  }
}

/** The summary of an upload whose rows are not counted yet: Connect's answer, and the mapping checked on its header. */
async function countingSummary(
  source: RecipientSource,
  c: CampaignConfig,
  limits: PreflightLimits,
  connect: ConnectCheck,
  campaignId: string,
): Promise<PreflightSummary> {
  const { header } = await readHeader(source);
  const { mapping, options } = recipientOptions(c, connect.country);
  // Throws RecipientsInputError naming the field when the mapping cannot work for any row.
  createPreflightChecker(header, mapping, options);
  const counts = { valid: 0, invalid: 0, duplicate: 0, suppressed: 0 };
  const samples = { valid: [], invalid: [], duplicate: [], suppressed: [] };
  const facts = { total: source.rowCount ?? 0, counts, invalidByProblem: {}, samples, columns: header, firstValid: [] };
  return { ...buildSummary(c, limits, connect, facts, campaignId), blocking: [STILL_COUNTING], warnings: [] };
}

async function writeRows(
  db: Db,
  existing: Campaign | undefined,
  campaignId: string,
  saveId: string,
  c: CampaignConfig,
  source: RecipientSource,
  country: string | undefined,
  o: { onProgress?: PreflightRunOptions["onProgress"]; total: number },
) {
  if (existing) await deleteLedgerRows(db, campaignId);
  const writer = await openLedgerWriter(db, campaignId);
  // One statement's rows are written while the next ones are read and checked. The check goes in smaller batches, so
  // between them the event loop keeps handing the database the statement's data: a long check would leave it waiting.
  const rowsPerStatement = writeBatchRows(db);
  let pending: NewRecipientRow[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    const batch = pending;
    pending = [];
    writing = (async () => {
      if (!(await stillWriting(db, campaignId, saveId))) throw new UserFacingError("conflict", TAKEN_OVER);
      await writer.write(batch);
    })();
    // Awaited with the next batch or at the end; this only keeps a failure from counting as unhandled meanwhile.
    writing.catch(() => undefined);
  };
  try {
    const list = await checkRecipientList(db, source, c, country, {
      stage: "store",
      batchRows: CHECK_BATCH_ROWS,
      onProgress: o.onProgress && ((p) => o.onProgress!({ ...p, total: p.total ?? o.total })),
      sink: async (rows) => {
        for (const row of toRecipientRows(rows)) pending.push(row);
        if (pending.length >= rowsPerStatement) await flush();
      },
    });
    if (pending.length > 0) await flush();
    await writing;
    return factsOf(list);
  } finally {
    await writing.catch(() => undefined);
    await writer.close();
  }
}
