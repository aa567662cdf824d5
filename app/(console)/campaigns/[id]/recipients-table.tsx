"use client";
// The campaign page's recipients: every row of the ledger, filtered from the URL, a keyset page at a time, with the
// same filters for the CSV export. The rows shown are read again (at most once a second) whenever the live figures
// move, so no row still says Pending or Waiting once the progress card has counted it sent.
import { Download, Users } from "lucide-react";
import { ListShell } from "@/components/list/list-shell";
import { isRefused } from "@/components/list/list-words";
import { useCursorList } from "@/components/list/use-cursor-list";
import { useUrlFilters } from "@/components/list/url-filters";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useCampaignLive } from "./campaign-live-source";
import { useFollowVersion } from "./follow-version";
import { RecipientFilters } from "./recipient-filters";
import { RecipientRows } from "./recipient-rows";
import { RECIPIENT_FILTERS, RECIPIENT_PAGE_SIZE, recipientsExportHref, recipientsKey, recipientsPath, type RecipientPage } from "./recipients-api";

const FOLLOW_MS = 1_000;

export function RecipientsTable({ campaignId }: { campaignId: string }) {
  const filters = useUrlFilters(RECIPIENT_FILTERS, { refresh: recipientsKey(campaignId), orderKeys: ["sort", "dir"] });
  const list = useCursorList({
    queryKey: recipientsKey(campaignId),
    path: recipientsPath(campaignId),
    query: filters.query,
    limit: RECIPIENT_PAGE_SIZE,
    rows: (page: RecipientPage) => page.recipients,
  });
  // Only the pages on screen are read again (an infinite query re-reads the pages it holds, each a short keyset read);
  // filters the server refused stay refused, however the figures move.
  const version = useCampaignLive().version;
  useFollowVersion(isRefused(list.error) ? null : version, FOLLOW_MS, { updatedAt: list.dataUpdatedAt, isFetching: list.isFetching, refetch: list.refetch });

  return (
    <Card className="min-w-0">
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>Recipient history</CardTitle>
        <Button asChild variant="outline" size="sm">
          <a href={recipientsExportHref(campaignId, filters.query)} download>
            <Download className="size-4" aria-hidden />
            Export CSV
          </a>
        </Button>
      </CardHeader>
      {/* min-w-0 all the way down: the table scrolls inside the card instead of widening the page. */}
      <CardContent className="grid min-w-0 gap-4">
        <RecipientFilters key={filters.query} campaignId={campaignId} filters={filters} errors={list.fieldErrors} />
        <ListShell
          list={list}
          noun={["recipient", "recipients"]}
          statusTestId="recipients-status"
          filtered={filters.filtered}
          icon={Users}
          empty={{ title: "No recipients", body: "This campaign has no recipient rows." }}
          emptyFiltered={{ title: "No recipients match these filters", body: "Widen the filters or clear them to see every recipient." }}
          plain
        >
          <RecipientRows rows={list.items} />
        </ListShell>
      </CardContent>
    </Card>
  );
}
