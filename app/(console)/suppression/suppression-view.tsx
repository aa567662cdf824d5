"use client";
import { LoadMore } from "@/components/load-more";
// The list's live part: a search box, the numbers from /api/suppression a page at a time, and the export.
import { useInfiniteQuery } from "@tanstack/react-query";
import { Download, ShieldBan } from "lucide-react";
import { useEffect, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SUPPRESSION_KEY, exportHref, fetchSuppressionPage } from "./suppression-api";
import { SuppressionTable } from "./suppression-table";

const SEARCH_DELAY_MS = 300;

/** The search text once typing has paused, so each keystroke does not cost a request. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [value]);
  return settled;
}

export function SuppressionView({ canEdit }: { canEdit: boolean }) {
  const [search, setSearch] = useState("");
  const q = useSettled(search.trim());
  const list = useInfiniteQuery({
    queryKey: [...SUPPRESSION_KEY, "list", q],
    queryFn: ({ pageParam, signal }) => fetchSuppressionPage(q, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const rows = list.data?.pages.flatMap((page) => page.rows) ?? [];
  const status = list.isPending
    ? "Loading numbers…"
    : `Showing ${rows.length} ${rows.length === 1 ? "number" : "numbers"}${list.hasNextPage ? ", newest first; more are available" : ""}`;

  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <form role="search" className="w-full max-w-sm" onSubmit={(ev) => ev.preventDefault()}>
          <Field id="suppression-search" label="Search" hint="Number or reason contains">
            <Input
              type="search"
              value={search}
              onChange={(ev) => setSearch(ev.target.value)}
              maxLength={100}
              placeholder="+44 20 7946 or opted out"
              autoComplete="off"
            />
          </Field>
        </form>
        <Button asChild variant="outline">
          <a href={exportHref(q)} download>
            <Download className="size-4" aria-hidden />
            Export CSV
          </a>
        </Button>
      </div>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {list.error && !list.data ? "" : status}
      </p>
      {list.error ? <Alert tone="error">{list.error.message}</Alert> : null}
      {list.data && rows.length === 0 ? (
        q ? (
          <EmptyState icon={ShieldBan} title="No numbers match this search">
            Try part of the number or of the reason, or clear the search.
          </EmptyState>
        ) : (
          <EmptyState icon={ShieldBan} title="No suppressed numbers">
            Numbers added here, or that reply with an opt-out keyword, are excluded from every campaign.
          </EmptyState>
        )
      ) : null}
      {rows.length > 0 ? (
        <div className="rounded-lg border border-border bg-card">
          <SuppressionTable rows={rows} canEdit={canEdit} />
        </div>
      ) : null}
      <LoadMore list={list} />
    </div>
  );
}
