"use client";
import { LoadMore } from "@/components/load-more";
// The audit page's live part: the filters come from the URL, entries from /api/audit a page at a time.
import { useInfiniteQuery } from "@tanstack/react-query";
import { ClipboardList } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { Alert } from "@/components/ui/alert";
import { AUDIT_ENTRIES_KEY, ApiError, fetchAuditPage } from "./audit-api";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { AuditToolbar } from "./audit-toolbar";
import { filterQuery } from "./filter-params";

const NO_FIELD_ERRORS: Record<string, string> = {};

export function AuditView({ canVerify }: { canVerify: boolean }) {
  const query = filterQuery(useSearchParams());
  const list = useInfiniteQuery({
    queryKey: [...AUDIT_ENTRIES_KEY, query],
    queryFn: ({ pageParam, signal }) => fetchAuditPage(query, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A rejected filter or a lost session will not fix itself on a second try.
    retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 1,
  });

  const error = list.error;
  const fieldErrors = error instanceof ApiError && error.body.code === "invalid" ? (error.body.fields ?? NO_FIELD_ERRORS) : NO_FIELD_ERRORS;
  const entries = list.data?.pages.flatMap((page) => page.entries) ?? [];
  const status = list.isPending
    ? "Loading entries…"
    : `Showing ${entries.length} ${entries.length === 1 ? "entry" : "entries"}${list.hasNextPage ? ", newest first; more are available" : ""}`;

  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
      <AuditFilters key={query} query={query} errors={fieldErrors} />
      <AuditToolbar query={query} canExport={Object.keys(fieldErrors).length === 0} canVerify={canVerify} status={error && !list.data ? "" : status} />
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {list.data && entries.length === 0 ? (
        <EmptyState icon={ClipboardList} title={query ? "No entries match these filters" : "No audit entries yet"}>
          {query ? "Widen the filters or clear them to see more of the log." : "Changes made in the console will appear here."}
        </EmptyState>
      ) : null}
      {entries.length > 0 ? (
        <div className="rounded-lg border border-border bg-card">
          <AuditTable entries={entries} />
        </div>
      ) : null}
      <LoadMore list={list} />
    </div>
  );
}
