// What one dispatcher process remembers about a running campaign between loop passes. Losing it (a restart) is
// harmless: the ledger and the campaign row hold everything that matters.
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import { ErrorWindow } from "./error-window";
import { campaignLimiterKey } from "./options";
import type { BucketSpec } from "./rate-limiter";

export interface RunningCampaign {
  id: string;
  config: CampaignConfig;
}

export class CampaignState {
  readonly window: ErrorWindow;
  /** No claims before this time (ms since epoch): set while waiting for Connect's chat capacity. */
  holdUntil = 0;
  /** As last read from the campaign row, so a success clears it with one write and only when it is set. */
  waitingReason: string | null = null;

  constructor(
    public campaign: RunningCampaign,
    errorWindow: number,
  ) {
    this.window = new ErrorWindow(errorWindow);
  }

  /** The campaign's own pacing, never above the account rate. */
  bucket(accountRate: number): BucketSpec {
    const rate = Math.min(this.campaign.config.sendsPerSecond ?? accountRate, accountRate);
    return { key: campaignLimiterKey(this.campaign.id), rate, burst: Math.max(1, rate) };
  }
}
