// Browser-side calls to the audit routes. A failed call keeps the server's error body, so a form can put
// each field's message next to that field.
import type { ChainReport } from "@/lib/audit/verify";
import type { AuditRow } from "@/lib/db/schema";
import type { ErrorBody } from "@/lib/errors";

export const PAGE_SIZE = 50;
export const AUDIT_ENTRIES_KEY = ["audit", "entries"] as const;

/** An entry as /api/audit sends it: the row, with its time as an ISO string and its target's name where it has one. */
export type AuditEntry = Omit<AuditRow, "at"> & { at: string; targetName: string | null };
export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: number | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, cache: "no-store", headers: { accept: "application/json" } });
  } catch (err) {
    // A cancelled query must stay a cancellation, not turn into an error message.
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, { code: "unavailable", message: "Could not reach the server. Check your connection and try again." });
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const body: ErrorBody = data?.error ?? { code: "internal", message: `The server answered ${res.status}. Try again.` };
    throw new ApiError(res.status, body);
  }
  return data as T;
}

/** One page of entries matching `query` (a filterQuery string), older than `cursor` when given. */
export function fetchAuditPage(query: string, cursor: number | undefined, signal?: AbortSignal): Promise<AuditPage> {
  const params = new URLSearchParams(query);
  if (cursor !== undefined) params.set("cursor", String(cursor));
  params.set("limit", String(PAGE_SIZE));
  return request(`/api/audit?${params}`, { signal });
}

export function verifyChain(): Promise<ChainReport> {
  return request("/api/audit/verify", { method: "POST" });
}

export function exportHref(query: string): string {
  return query ? `/api/audit/export?${query}` : "/api/audit/export";
}
