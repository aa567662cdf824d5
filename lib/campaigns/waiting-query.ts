import "server-only";
// The recipients' waiting filter as SQL, shared by the console's history and the automation API's ledger pages.
import { and, eq, type SQL } from "drizzle-orm";
import { campaignRecipients as r } from "@/lib/db/schema";
import type { SortDirection } from "./history-filters";
import { WAIT_KINDS, type WaitKind, type WaitingFilter } from "./waits";

/**
 * Pending rows waiting for one kind of wait, written as campaign_recipients_waiting_idx's leading columns so a page by
 * line reads that index's range for the kind. Only a pending row waits (waitingFor in ./waits shows rows the same way).
 */
export const waitKindWhere = (kind: WaitKind): SQL => and(eq(r.waitKind, kind), eq(r.sendStatus, "pending"))!;

/**
 * Reads rows in line order through `read`, given the waiting filter's predicate. "any" reads each kind's own range
 * of the waiting index, in line order, and merges them: "wait_kind is not null" would read every waiting row of the
 * campaign (a million while a window is closed) and sort them for one page.
 */
export async function readWaitingByLine<T extends { line: number }>(
  waiting: WaitingFilter | undefined,
  dir: SortDirection,
  want: number,
  read: (where: SQL | undefined) => Promise<T[]>,
): Promise<T[]> {
  if (waiting === undefined) return read(undefined);
  if (waiting !== "any") return read(waitKindWhere(waiting));
  const parts: T[][] = [];
  for (const kind of WAIT_KINDS) parts.push(await read(waitKindWhere(kind)));
  return parts
    .flat()
    .sort((a, b) => (dir === "asc" ? a.line - b.line : b.line - a.line))
    .slice(0, want);
}
