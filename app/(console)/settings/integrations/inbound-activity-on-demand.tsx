"use client";
// Inbound activity sits below the integrations: its code (two filtered lists and the URL-state library) downloads as
// soon as the page runs instead of with the page's first load. The server still renders it, so it shows at once.
import { lazyComponent } from "@/components/lazy-component";
import { LoadBoundary, LoadingBlock } from "@/components/load-boundary";

// The URL-state adapter comes with the list, not with the page.
const InboundActivity = lazyComponent(async () => {
  const [{ UrlState }, m] = await Promise.all([import("@/components/list/url-state"), import("./inbound-activity")]);
  return function InboundActivityWithUrl(props: Parameters<typeof m.InboundActivity>[0]) {
    return (
      <UrlState>
        <m.InboundActivity {...props} />
      </UrlState>
    );
  };
});
if (typeof window !== "undefined") InboundActivity.preload();

export function InboundActivityOnDemand({ integrations }: { integrations: { id: string; name: string }[] }) {
  return (
    <LoadBoundary what="Inbound activity" fallback={<LoadingBlock height="16rem" label="Loading inbound activity…" />}>
      <InboundActivity integrations={integrations} />
    </LoadBoundary>
  );
}
