"use client";
// The recipient history sits below the figures: its code (the table, its filters and the URL-state library) downloads
// as soon as the page runs instead of with the page's first load, so the live figures above it are ready first. The
// server still renders the table, so it shows at once and responds when its code has come.
import { UrlState } from "@/components/list/url-state";
import { lazyComponent } from "@/components/lazy-component";
import { LoadBoundary, LoadingBlock } from "@/components/load-boundary";

const RecipientsTable = lazyComponent(() => import("./recipients-table").then((m) => m.RecipientsTable));
if (typeof window !== "undefined") RecipientsTable.preload();

export function RecipientsOnDemand({ campaignId }: { campaignId: string }) {
  return (
    <LoadBoundary what="The recipient history" fallback={<LoadingBlock height="24rem" label="Loading recipients…" />}>
      <UrlState>
        <RecipientsTable campaignId={campaignId} />
      </UrlState>
    </LoadBoundary>
  );
}
