"use client";
import { LoadMore } from "@/components/load-more";
// The campaigns list's live part: the filters come from the URL, campaigns from /api/campaigns a page at a time.
import { useInfiniteQuery } from "@tanstack/react-query";
import { Megaphone } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { ApiRequestError } from "@/components/fetch-json";
import { EmptyState } from "@/components/empty-state";
import { Alert } from "@/components/ui/alert";
import { CAMPAIGN_LIST_KEYS, listQuery } from "@/lib/campaigns/history-filters";
import { CAMPAIGN_LIST_KEY, fetchCampaignPage } from "./campaign-list-api";
import { CampaignFilters } from "./campaigns-filters";
import { CampaignsTable } from "./campaigns-table";

const NO_FIELD_ERRORS: Record<string, string> = {};
const FILTER_KEYS = ["q", "status", "channel", "creator", "from", "to"];

export function CampaignsView({ canCompose }: { canCompose: boolean }) {
  const params = useSearchParams();
  const query = listQuery(CAMPAIGN_LIST_KEYS, params);
  const filtered = FILTER_KEYS.some((key) => params.get(key));
  const list = useInfiniteQuery({
    queryKey: [...CAMPAIGN_LIST_KEY, query],
    queryFn: ({ pageParam, signal }) => fetchCampaignPage(query, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A rejected filter or a lost session will not fix itself on a second try.
    retry: (failures, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && failures < 1,
  });

  const error = list.error;
  const fieldErrors = error instanceof ApiRequestError && error.body.code === "invalid" ? (error.body.fields ?? NO_FIELD_ERRORS) : NO_FIELD_ERRORS;
  const campaigns = list.data?.pages.flatMap((page) => page.campaigns) ?? [];
  const status = list.isPending
    ? "Loading campaigns…"
    : `Showing ${campaigns.length} ${campaigns.length === 1 ? "campaign" : "campaigns"}${list.hasNextPage ? "; more are available" : ""}`;

  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
      <CampaignFilters key={query} query={query} errors={fieldErrors} />
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {error && !list.data ? "" : status}
      </p>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {list.data && campaigns.length === 0 ? (
        filtered ? (
          <EmptyState icon={Megaphone} title="No campaigns match these filters">
            Widen the filters or clear them to see every campaign.
          </EmptyState>
        ) : (
          <EmptyState icon={Megaphone} title="No campaigns yet">
            {canCompose
              ? "Start with New campaign: pick a flow, a number and recipients, and check every row before you send."
              : "Campaigns appear here once a supervisor creates one."}
          </EmptyState>
        )
      ) : null}
      {campaigns.length > 0 ? (
        <div className="rounded-lg border border-border bg-card">
          <CampaignsTable campaigns={campaigns} />
        </div>
      ) : null}
      <LoadMore list={list} />
    </div>
  );
}
