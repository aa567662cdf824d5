import "server-only";
// Which failed rows "Retry failed" can send again without risking a second chat. A retry is safe while Connect still
// remembers the row's ClientToken (it replays the contact it started) or when Connect refused the last attempt (no
// contact exists). Past the token window, a row whose last attempt ended without an answer may have reached its
// recipient, and sending it again would start a new chat.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { campaignRecipients as r, campaigns } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { REFUSED_BY_CONNECT } from "./send-outcome";

/** Connect replays a StartOutboundChatContact ClientToken for 7 days after the contact it started. */
export const TOKEN_WINDOW_DAYS = 7;
/** Half a day short of the window: a re-queued row still waits for the dispatcher (rate, capacity, other campaigns). */
export const TOKEN_SAFE_HOURS = TOKEN_WINDOW_DAYS * 24 - 12;

export const refusedByConnect: SQL = inArray(r.lastErrorName, [...REFUSED_BY_CONNECT]);

export interface RetrySafety {
  /** Failed rows of the campaign. */
  failed: number;
  /** Failed rows whose last attempt Connect refused: safe to send again at any age. */
  refused: number;
  /** Failed rows whose last attempt's outcome is unknown, and Connect may have forgotten their ClientToken. */
  unverifiable: number;
  /** Whether the campaign's first possible send is older than the safe part of the token window. */
  tokensMayBeForgotten: boolean;
}

/**
 * Counts for one campaign, or undefined when there is no such campaign. The ledger keeps no first-attempt time, so the
 * campaign's start stands in for it: no row is sent before its scheduled time (launch sets it to the launch time or
 * later), so every token was created at or after it, and a start within the safe window proves every token is still
 * remembered.
 */
export async function retrySafety(db: Db, campaignId: string): Promise<RetrySafety | undefined> {
  const [campaign] = await db
    .select({
      // No start recorded at all (never expected once launched) counts as old: the answer must err on the safe side.
      stale: sql<boolean>`coalesce(greatest(${campaigns.launchedAt}, ${campaigns.scheduledAt}) >= now() - ${TOKEN_SAFE_HOURS} * interval '1 hour', false) = false`,
    })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!campaign) return undefined;
  const [counts] = await db
    .select({
      failed: sql<number>`count(*)`.mapWith(Number),
      refused: sql<number>`count(*) filter (where ${refusedByConnect})`.mapWith(Number),
    })
    .from(r)
    .where(and(eq(r.campaignId, campaignId), eq(r.sendStatus, "failed")));
  const failed = counts?.failed ?? 0;
  const refused = counts?.refused ?? 0;
  return { failed, refused, unverifiable: campaign.stale ? failed - refused : 0, tokensMayBeForgotten: campaign.stale };
}
