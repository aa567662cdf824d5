// Saving a new draft moves the composer from /campaigns/new to /campaigns/{id}/edit, which mounts a fresh form.
// The check that came back with the save is handed across here, so the new page shows it instead of nothing.
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";

export interface DraftHandoff {
  campaignId: string;
  preflight: PreflightSummary;
  notice: string;
}

// One slot is enough: only the draft just saved is ever waiting. Reading does not clear it, because React may
// run a state initializer twice in development.
let waiting: DraftHandoff | null = null;

export function handOver(handoff: DraftHandoff): void {
  waiting = handoff;
}

export function receive(campaignId: string | undefined): DraftHandoff | null {
  return campaignId !== undefined && waiting?.campaignId === campaignId ? waiting : null;
}
