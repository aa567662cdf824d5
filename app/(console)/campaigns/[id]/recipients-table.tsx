"use client";
import { LoadMore } from "@/components/load-more";
// The campaign page's recipients: every row of the ledger, filtered from the URL, a keyset page at a time, with the
// same filters for the CSV export. The rows shown are read again (at most once a second) whenever the live figures
// move, so no row still says Pending or Waiting once the progress card has counted it sent.
import { useInfiniteQuery } from "@tanstack/react-query";
import { Download, Users } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { ApiRequestError } from "@/components/fetch-json";
import { EmptyState } from "@/components/empty-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RECIPIENT_LIST_KEYS, listQuery } from "@/lib/campaigns/history-filters";
import { useCampaignLive } from "./campaign-live-source";
import { useFollowVersion } from "./follow-version";
import { RecipientFilters } from "./recipient-filters";
import { RecipientRows } from "./recipient-rows";
import { fetchRecipientPage, recipientsExportHref, recipientsKey } from "./recipients-api";

const NO_FIELD_ERRORS: Record<string, string> = {};
const FOLLOW_MS = 1_000;

export function RecipientsTable({ campaignId }: { campaignId: string }) {
  const query = listQuery(RECIPIENT_LIST_KEYS, useSearchParams());
  const list = useInfiniteQuery({
    queryKey: [...recipientsKey(campaignId), query],
    queryFn: ({ pageParam, signal }) => fetchRecipientPage(campaignId, query, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: (failures, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && failures < 1,
  });
  const error = list.error;
  // Only the pages on screen are read again (an infinite query re-reads the pages it holds, each a short keyset read);
  // filters the server refused stay refused, however the figures move.
  const refused = error instanceof ApiRequestError && error.status < 500;
  const version = useCampaignLive().version;
  useFollowVersion(refused ? null : version, FOLLOW_MS, { updatedAt: list.dataUpdatedAt, isFetching: list.isFetching, refetch: list.refetch });
  const fieldErrors = error instanceof ApiRequestError && error.body.code === "invalid" ? (error.body.fields ?? NO_FIELD_ERRORS) : NO_FIELD_ERRORS;
  const rows = list.data?.pages.flatMap((page) => page.recipients) ?? [];
  const filtered = RECIPIENT_LIST_KEYS.some((key) => key !== "sort" && key !== "dir" && new URLSearchParams(query).get(key));
  const status = list.isPending
    ? "Loading recipients…"
    : `Showing ${rows.length.toLocaleString("en-US")} ${rows.length === 1 ? "recipient" : "recipients"}${list.hasNextPage ? "; more are available" : ""}`;

  return (
    <Card className="min-w-0">
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>Recipient history</CardTitle>
        <Button asChild variant="outline" size="sm">
          <a href={recipientsExportHref(campaignId, query)} download>
            <Download className="size-4" aria-hidden />
            Export CSV
          </a>
        </Button>
      </CardHeader>
      {/* min-w-0 all the way down: the table scrolls inside the card instead of widening the page. */}
      <CardContent className="grid min-w-0 gap-4">
        <RecipientFilters key={query} campaignId={campaignId} query={query} errors={fieldErrors} />
        <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="recipients-status">
          {error && !list.data ? "" : status}
        </p>
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        {list.data && rows.length === 0 ? (
          <EmptyState icon={Users} title={filtered ? "No recipients match these filters" : "No recipients"}>
            {filtered ? "Widen the filters or clear them to see every recipient." : "This campaign has no recipient rows."}
          </EmptyState>
        ) : null}
        {rows.length > 0 ? (
          <div className="min-w-0 rounded-lg border border-border">
            <RecipientRows rows={rows} />
          </div>
        ) : null}
        <LoadMore list={list} />
      </CardContent>
    </Card>
  );
}
