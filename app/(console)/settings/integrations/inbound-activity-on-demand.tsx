"use client";
// Inbound activity sits below the integrations: its code (two filtered lists and the URL-state library) downloads as
// soon as the page runs instead of with the page's first load. The server still renders it, so it shows at once.
import { UrlState } from "@/components/list/url-state";
import { lazyComponent } from "@/components/lazy-component";
import { LoadBoundary, LoadingBlock } from "@/components/load-boundary";

const InboundActivity = lazyComponent(() => import("./inbound-activity").then((m) => m.InboundActivity));
if (typeof window !== "undefined") InboundActivity.preload();

export function InboundActivityOnDemand({ integrations }: { integrations: { id: string; name: string }[] }) {
  return (
    <LoadBoundary what="Inbound activity" fallback={<LoadingBlock height="16rem" label="Loading inbound activity…" />}>
      <UrlState>
        <InboundActivity integrations={integrations} />
      </UrlState>
    </LoadBoundary>
  );
}
