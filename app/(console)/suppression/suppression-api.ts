// Browser-side calls to the suppression routes. A failed call keeps the server's error body, so a form can put
// each field's message next to that field.
import { ApiRequestError } from "@/components/fetch-json";
import { queryString, withQuery } from "@/components/list/query-string";
import type { ErrorBody } from "@/lib/errors";
import type { ImportReport, PublicSuppression } from "@/lib/suppression/actions";

export const PAGE_SIZE = 50;
/** Every suppression query starts with this, so one invalidation refreshes the list under any search. */
export const SUPPRESSION_KEY = ["suppression"] as const;

export type SuppressionRow = PublicSuppression;
export type { ImportReport };

export interface SuppressionPage {
  rows: SuppressionRow[];
  nextCursor: string | null;
}

/** The search as the list's query string, for the list and its export alike. */
export const searchQuery = (q: string) => queryString(["q"], { q });

export const exportHref = (query: string) => withQuery("/api/suppression/export", query);

/** Sends a CSV file or pasted lines as a form; the server reads the file so it can refuse text that is not UTF-8. */
export async function postImport(form: FormData): Promise<ImportReport> {
  let res: Response;
  try {
    res = await fetch("/api/suppression/import", { method: "POST", body: form, headers: { accept: "application/json" } });
  } catch {
    throw new ApiRequestError(0, { code: "unavailable", message: "Could not reach the server. Check your connection and try again." });
  }
  const body = (await res.json().catch(() => null)) as (ImportReport & { error?: ErrorBody }) | null;
  if (!res.ok || !body) throw new ApiRequestError(res.status, body?.error ?? { code: "internal", message: `The server answered ${res.status}. Try again.` });
  return body;
}
