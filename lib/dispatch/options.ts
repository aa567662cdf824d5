// The dispatcher's knobs, with defaults. Tests shorten the timings; production uses the defaults.

export interface DispatchOptions {
  /** Rate-limiter row shared by every process sending through the same Connect account and region. */
  limiterKey: string;
  /** Account sends per second when the `account_sends_per_second` setting is absent (ACCOUNT_SENDS_PER_SECOND). */
  accountSendsPerSecond: number;
  /** Sends the account bucket allows back to back; default one second's worth. */
  accountBurst?: number;
  /** Lowest rate the account bucket falls to after throttling. */
  minSendsPerSecond: number;
  /** Share of the configured rate won back per second of successful sends after throttling. */
  recoveryShare: number;
  /** StartOutboundChatContact calls in flight per process. */
  maxInFlight: number;
  /** Most rows claimed in one statement. */
  batchSize: number;
  /** How long a claimed row stays ours; must exceed the gateway's request timeout. */
  leaseMs: number;
  /** Sleep between loop passes when there is nothing to send. */
  pollMs: number;
  /**
   * Longest a campaign whose pending rows are all put off (waiting for a send window, a frequency cap or a retry) goes
   * without looking for due rows before the earliest of them is due: rows made due meanwhile by another process (a
   * retry of failed rows, a lease that ran out, a claimer that died) are found within this.
   */
  restMaxMs: number;
  /** Shortest gap between loop passes, so a fast rate is sent in small batches rather than one query per token. */
  minTickMs: number;
  /** How often scheduled campaigns are started and cancelled campaigns swept. */
  housekeepingMs: number;
  /** Connect calls per recipient for transient errors before the row is failed. */
  maxAttempts: number;
  /** First transient retry delay; doubles per attempt up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Delay before a throttled row is tried again. */
  throttleRetryMs: number;
  /** Longest a campaign waits for chat capacity before trying again; the wait ends sooner when a chat is due to end. */
  capacityRetryMs: number;
  /** Shortest wait for chat capacity (capacityRetryMs when that is shorter): a chat's end is only known to within the time it takes to record it. */
  capacityFloorMs: number;
  /** Wait for chat capacity when no chat of the campaign is known to be ending. */
  capacityUnknownMs: number;
  /** How long a campaign keeps the observed lifetime of its flow's chats before reading it again. */
  lifetimeRefreshMs: number;
  /** How often the sending capacity setting (number rates, WhatsApp daily limit) is read again. */
  capacitySettingMs: number;
  /** How often a source number's type and country are looked up again in Connect. */
  numberLookupMs: number;
  /** After Connect could not list a number, how soon to ask again (meanwhile the slow, safe rate applies). */
  numberLookupRetryMs: number;
  /** Share of a number's messages per second the dispatcher uses: the rest absorbs network jitter (see number-bucket.ts). */
  numberRateShare: number;
  /** The WhatsApp daily limit's window: 24 hours, moving. */
  whatsAppWindowMs: number;
  /** How long the count of WhatsApp customers reached is trusted before it is read again. */
  whatsAppCountMs: number;
  /** Longest a campaign held by the WhatsApp daily limit waits before looking again. */
  whatsAppRecheckMs: number;
  /** Auto-pause: the campaign pauses when more than errorShare of its last errorWindow outcomes failed. */
  errorWindow: number;
  errorShare: number;
}

export const DEFAULT_DISPATCH_OPTIONS: DispatchOptions = {
  limiterKey: "connect:default",
  accountSendsPerSecond: 5,
  minSendsPerSecond: 0.2,
  recoveryShare: 1 / 20,
  // Enough for 200 sends/s at 50 ms Connect latency (measured: 16 reached 0.69 of the rate, 48 reached 1.0).
  maxInFlight: 48,
  batchSize: 50,
  leaseMs: 60_000,
  pollMs: 250,
  restMaxMs: 5_000,
  minTickMs: 50,
  housekeepingMs: 1_000,
  maxAttempts: 5,
  retryBaseMs: 1_000,
  retryMaxMs: 60_000,
  throttleRetryMs: 1_000,
  capacityRetryMs: 5_000,
  capacityFloorMs: 250,
  capacityUnknownMs: 1_000,
  lifetimeRefreshMs: 60_000,
  capacitySettingMs: 5_000,
  numberLookupMs: 5 * 60_000,
  numberLookupRetryMs: 60_000,
  numberRateShare: 0.95,
  whatsAppWindowMs: 24 * 60 * 60_000,
  whatsAppCountMs: 5_000,
  whatsAppRecheckMs: 60_000,
  errorWindow: 20,
  errorShare: 0.5,
};

export function resolveDispatchOptions(options: Partial<DispatchOptions> = {}): DispatchOptions {
  const o = { ...DEFAULT_DISPATCH_OPTIONS, ...options };
  if (!(o.accountSendsPerSecond > 0)) throw new Error("Dispatcher: accountSendsPerSecond must be above 0");
  if (o.maxInFlight < 1 || o.batchSize < 1 || o.maxAttempts < 1 || o.errorWindow < 1)
    throw new Error("Dispatcher: maxInFlight, batchSize, maxAttempts and errorWindow must be at least 1");
  if (!(o.errorShare > 0 && o.errorShare <= 1)) throw new Error("Dispatcher: errorShare must be in (0, 1]");
  if (!(o.numberRateShare > 0 && o.numberRateShare <= 1)) throw new Error("Dispatcher: numberRateShare must be in (0, 1]");
  if (!(o.capacityFloorMs >= 0 && o.capacityRetryMs >= 0)) throw new Error("Dispatcher: capacityFloorMs and capacityRetryMs must be at least 0");
  if (!(o.restMaxMs >= 0)) throw new Error("Dispatcher: restMaxMs must be at least 0");
  if (!(o.whatsAppWindowMs > 0)) throw new Error("Dispatcher: whatsAppWindowMs must be above 0");
  return o;
}

/** One token bucket per Connect account and region: every campaign and every process draws from it. */
export function accountLimiterKey(region: string, mode: "local" | "aws"): string {
  return `connect:${region}:${mode}`;
}

/** A source number's throughput on one channel, shared by every campaign sending from it. */
export function numberLimiterKey(arn: string, channel: string): string {
  return `number:${arn}:${channel}`;
}

/** A campaign's own pacing (its sendsPerSecond), a second bucket drawn from together with the account one. */
export function campaignLimiterKey(campaignId: string): string {
  return `campaign:${campaignId}`;
}
