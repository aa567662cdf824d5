// What one dispatcher process remembers about a running campaign between loop passes. Losing it (a restart) is
// harmless: the ledger and the campaign row hold everything that matters.
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import type { CapacityWait } from "./chat-capacity";
import { ErrorWindow } from "./error-window";
import { campaignLimiterKey } from "./options";
import type { BucketSpec } from "./rate-limiter";
import { SlotProbe } from "./slot-probe";

export interface RunningCampaign {
  id: string;
  config: CampaignConfig;
}

export class CampaignState {
  readonly window: ErrorWindow;
  /** No claims before this time (ms since epoch): set while waiting for chat capacity or the WhatsApp daily limit. */
  holdUntil = 0;
  /**
   * No look for due rows before this time (ms since epoch): every pending row was put off until then or later. Not a
   * hold: the campaign's row says nothing, and a send of it settling or failed rows re-queued here end the rest at once.
   */
  restUntil = 0;
  /** As last read from the campaign row, so a success clears it with one write and only when it is set. */
  waitingReason: string | null = null;
  /** How long its chats hold a slot, and when that was worked out. */
  lifetime?: { seconds: number; readAtMs: number };
  /** The last wait for chat capacity being worked out: the refusals of one batch share it. */
  capacityWait?: { atMs: number; wait: Promise<CapacityWait> };
  /** While short of chat capacity: how many rows it may claim before more answers come back. */
  readonly slots = new SlotProbe();
  /** When this process last claimed rows for it: the one served longest ago claims first. */
  servedAtMs = 0;
  /** When sending must stop (ms since epoch), null for never; undefined until read from the campaign row. */
  deadlineMs?: number | null;
  /** What was last logged about its source number's pace. */
  readonly numberPace: { pace?: string } = {};

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

  /** Held: no claims until `untilMs`; an earlier hold that lasts longer stands. */
  hold(untilMs: number): void {
    this.holdUntil = Math.max(this.holdUntil, untilMs);
  }

  held(now = Date.now()): boolean {
    return this.holdUntil > now;
  }
}
