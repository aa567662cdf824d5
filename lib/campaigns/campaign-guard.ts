import "server-only";
import { eq } from "drizzle-orm";
import { campaigns, type Campaign } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { UserFacingError } from "@/lib/errors";
import type { CampaignStatus } from "./status";

/** Loads a campaign that a change needs in `status`, locking its row on PostgreSQL until the transaction ends. */
export async function loadCampaignForChange(db: Db, id: string, status: CampaignStatus, wrongStatusMessage: string): Promise<Campaign> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, id)).for("update");
  if (!campaign) throw new UserFacingError("not_found", "No campaign with this id");
  if (campaign.status !== status) throw new UserFacingError("conflict", wrongStatusMessage);
  return campaign;
}

// campaigns.ledger_state: "ready" when the rows match the stored summary; "writing:<save id>" while that save writes
// them in batches (it refreshes updated_at as it goes); "writing:stopped" after a save failed part-way and said so.
export const LEDGER_READY = "ready";
export const LEDGER_STOPPED = "writing:stopped";
/** Blocks launch (and says why) in the summary of a draft whose upload is still being counted as its rows are written. */
export const STILL_COUNTING = "The recipient list is still being checked and saved";
export const writingState = (saveId: string) => `writing:${saveId}`;
/** A save whose claim has not been refreshed for this long died; the next save may take the draft over. */
export const WRITING_STALE_MS = 10 * 60_000;

export const LEDGER_INCOMPLETE_MESSAGE = "The recipient list of this draft was not fully saved; save it again";
export const LEDGER_BUSY_MESSAGE = "This draft's recipient list is still being saved; wait for that save to finish";

/** Whether another save is writing this draft's rows right now. */
export function saveInProgress(c: Pick<Campaign, "ledgerState" | "updatedAt">, now = new Date()): boolean {
  return c.ledgerState.startsWith("writing:") && c.ledgerState !== LEDGER_STOPPED && now.getTime() - c.updatedAt.getTime() < WRITING_STALE_MS;
}

/** Launch sends to the stored rows: they must be all there. */
export function assertLedgerReady(c: Pick<Campaign, "ledgerState" | "updatedAt">): void {
  if (c.ledgerState === LEDGER_READY) return;
  throw new UserFacingError("conflict", saveInProgress(c) ? LEDGER_BUSY_MESSAGE : LEDGER_INCOMPLETE_MESSAGE);
}
