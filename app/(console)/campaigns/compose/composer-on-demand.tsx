"use client";
// The composer as the new and edit pages show it. Its code (the form, react-hook-form, every section) is a separate
// download that starts as soon as this module runs, rather than part of the page's first load, so the console around
// it becomes usable first. The server renders the whole form, so it shows at once and becomes usable when its code has
// come; the placeholder is only drawn if the form has to be drawn in the browser before that.
import { LoadBoundary, LoadingBlock } from "@/components/load-boundary";
import { lazyComponent } from "@/components/lazy-component";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import type { ComposerValues } from "./form-values";

const Composer = lazyComponent(() => import("./composer").then((m) => m.Composer));
if (typeof window !== "undefined") Composer.preload();

interface Props {
  campaignId?: string;
  initial: ComposerValues;
  savedPreflight?: PreflightSummary;
}

export function ComposerOnDemand(props: Props) {
  return (
    <LoadBoundary what="The campaign form" fallback={<LoadingBlock height="60rem" label="Loading the campaign form…" />}>
      <Composer {...props} />
    </LoadBoundary>
  );
}
