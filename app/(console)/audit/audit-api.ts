// Browser-side calls to the audit routes.
import { requestJson } from "@/components/fetch-json";
import { withQuery } from "@/components/list/query-string";
import type { ChainReport } from "@/lib/audit/verify";
import type { AuditRow } from "@/lib/db/schema";

export const PAGE_SIZE = 50;
export const AUDIT_ENTRIES_KEY = ["audit", "entries"] as const;

/** An entry as /api/audit sends it: the row, with its time as an ISO string and its target's name where it has one. */
export type AuditEntry = Omit<AuditRow, "at"> & { at: string; targetName: string | null };
export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: number | null;
}

export function verifyChain(): Promise<ChainReport> {
  return requestJson("/api/audit/verify", { method: "POST" });
}

export const exportHref = (query: string) => withQuery("/api/audit/export", query);
