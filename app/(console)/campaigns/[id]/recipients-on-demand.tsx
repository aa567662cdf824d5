"use client";
// The recipient history sits below the figures: its code (the table, its filters and the URL-state library) downloads
// as soon as the page runs instead of with the page's first load, so the live figures above it are ready first. The
// server still renders the table, so it shows at once and responds when its code has come.
import { lazyComponent } from "@/components/lazy-component";
import { LoadBoundary, LoadingBlock } from "@/components/load-boundary";

// The URL-state adapter comes with the list, not with the page.
const RecipientsTable = lazyComponent(async () => {
  const [{ UrlState }, m] = await Promise.all([import("@/components/list/url-state"), import("./recipients-table")]);
  return function RecipientsTableWithUrl(props: Parameters<typeof m.RecipientsTable>[0]) {
    return (
      <UrlState>
        <m.RecipientsTable {...props} />
      </UrlState>
    );
  };
});
if (typeof window !== "undefined") RecipientsTable.preload();

export function RecipientsOnDemand({ campaignId }: { campaignId: string }) {
  return (
    <LoadBoundary what="The recipient history" fallback={<LoadingBlock height="24rem" label="Loading recipients…" />}>
      <RecipientsTable campaignId={campaignId} />
    </LoadBoundary>
  );
}
