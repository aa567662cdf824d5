"use client";
// The composer as the new and edit pages show it. Its code (the form, react-hook-form, every section) is a separate
// download that starts as soon as this module runs, rather than part of the page's first load, so the console around
// it becomes usable first. Until it has come a placeholder of the form's height stands in: a server-drawn form would
// show empty fields (react-hook-form fills them when its code runs) and drop what was typed into them.
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
    <LoadBoundary browserOnly what="The campaign form" fallback={<LoadingBlock height="60rem" label="Loading the campaign form…" />}>
      <Composer {...props} />
    </LoadBoundary>
  );
}
