"use client";
// The campaigns list's live part: the filters come from the URL, campaigns from /api/campaigns a page at a time.
import { Megaphone } from "lucide-react";
import { ListShell } from "@/components/list/list-shell";
import { useCursorList } from "@/components/list/use-cursor-list";
import { useUrlFilters } from "@/components/list/url-filters";
import { CAMPAIGN_LIST_KEY, CAMPAIGN_PAGE_SIZE, type CampaignListPage } from "./campaign-list-api";
import { CampaignFilters } from "./campaigns-filters";
import { CampaignsTable } from "./campaigns-table";
import { CAMPAIGN_FILTERS } from "./list-params";

export function CampaignsView({ canCompose }: { canCompose: boolean }) {
  const filters = useUrlFilters(CAMPAIGN_FILTERS, { refresh: CAMPAIGN_LIST_KEY, orderKeys: ["sort", "dir"] });
  const list = useCursorList({
    queryKey: CAMPAIGN_LIST_KEY,
    path: "/api/campaigns",
    query: filters.query,
    limit: CAMPAIGN_PAGE_SIZE,
    rows: (page: CampaignListPage) => page.campaigns,
  });

  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
      <CampaignFilters key={filters.query} filters={filters} errors={list.fieldErrors} />
      <ListShell
        list={list}
        noun={["campaign", "campaigns"]}
        filtered={filters.filtered}
        icon={Megaphone}
        empty={{
          title: "No campaigns yet",
          body: canCompose
            ? "Start with New campaign: pick a flow, a number and recipients, and check every row before you send."
            : "Campaigns appear here once a supervisor creates one.",
        }}
        emptyFiltered={{ title: "No campaigns match these filters", body: "Widen the filters or clear them to see every campaign." }}
      >
        <CampaignsTable campaigns={list.items} />
      </ListShell>
    </div>
  );
}
