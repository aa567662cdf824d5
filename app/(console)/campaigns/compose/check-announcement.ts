// What a screen reader hears when a recipient check finishes. Pure.
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { formatCount } from "./format";

export function checkAnnouncement(summary: Pick<PreflightSummary, "counts" | "blocking">): string {
  const c = summary.counts;
  const counts = `${formatCount(c.valid)} valid, ${formatCount(c.invalid)} invalid, ${formatCount(c.duplicate)} duplicate, ${formatCount(c.suppressed)} suppressed`;
  return `Check finished: ${counts}.${summary.blocking.length > 0 ? " Launch is blocked." : ""}`;
}
