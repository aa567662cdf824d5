import "server-only";
// The campaign runner: one loop per process that starts scheduled campaigns, claims due recipients of running ones
// at the rate the shared buckets allow (account, campaign, source number) and the WhatsApp daily limit leaves, sends
// them with a bound on calls in flight, and records every outcome.
// Several processes can run it against one PostgreSQL database; claims and buckets keep them apart.
import { eq } from "drizzle-orm";
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import type { ConnectGateway } from "@/lib/connect/gateway";
import { campaigns, type CampaignRecipient } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { configuredAccountRate } from "@/lib/settings/account-rate";
import { DEFAULT_SENDING_CAPACITY, readSendingCapacity } from "@/lib/settings/sending-capacity";
import { CampaignState, type RunningCampaign } from "./campaign-state";
import { startDueCampaigns } from "./campaign-transitions";
import type { DispatchContext } from "./dispatch-context";
import { fillCampaign } from "./fill-campaign";
import { handleResult } from "./handle-result";
import { startHeartbeat } from "./heartbeat";
import { LaunchPacer } from "./launch-pacer";
import { NumberDirectory } from "./number-directory";
import { resolveDispatchOptions, type DispatchOptions } from "./options";
import { onSuccess, refund, type BucketSpec } from "./rate-limiter";
import { ThrottleWindow } from "./throttle-window";
import { holdBeforeSend, sendToRecipient } from "./send-recipient";
import type { SendOutcome } from "./slot-probe";
import { skipCancelledLeftovers } from "@/lib/ledger/skip-remaining";
import { errorSummary } from "@/lib/errors";
import { onSignal } from "@/lib/background/signals";
import { WhatsAppBudget } from "./whatsapp-budget";

export interface DispatcherConfig {
  db: Db;
  /** Created by the caller with `maxAttempts: 1`: the dispatcher owns retries. */
  gateway: ConnectGateway;
  /** Unique per process; it is what a claim is recorded under. */
  workerId: string;
  options?: Partial<DispatchOptions>;
  log?: (line: string) => void;
}

export interface Dispatcher {
  readonly workerId: string;
  /** Stops claiming, waits for the sends in flight to finish and be recorded, then resolves. */
  stop(): Promise<void>;
}

// While the database is unreachable the loop retries at growing intervals, up to this.
const MAX_FAILURE_PAUSE_MS = 5_000;
// Pauses before writing down an outcome again after the database failed (a restart, a dropped connection): the
// result is in memory, and all of them together stay well under the lease, so the row is still ours.
const RECORD_RETRY_MS = [250, 1_000, 2_000, 4_000, 8_000];

export function startDispatcher(config: DispatcherConfig): Dispatcher {
  const o = resolveDispatchOptions(config.options);
  const log = config.log ?? ((line: string) => console.log(`[dispatcher ${config.workerId}] ${line}`));
  const rate = o.accountSendsPerSecond;
  const ctx: DispatchContext = {
    db: config.db,
    gateway: config.gateway,
    workerId: config.workerId,
    o,
    log,
    account: { key: o.limiterKey, rate, burst: o.accountBurst ?? Math.max(1, rate) },
    limiter: { currentRate: rate, successes: 0, lastThrottleMs: 0, recent: new ThrottleWindow() },
    capacity: DEFAULT_SENDING_CAPACITY,
    numbers: new NumberDirectory(config.gateway, o, log),
    whatsApp: new WhatsAppBudget(o),
  };
  const states = new Map<string, CampaignState>();
  const inFlight = new Set<Promise<void>>();
  const pacer = new LaunchPacer();
  let stopping = false;
  let nextHousekeeping = 0;
  let capacityReadAt = Number.NEGATIVE_INFINITY;
  let wakeUp: (() => void) | undefined;
  // Written every couple of seconds from now until the drain ends: another dispatcher takes over our rows only once it stops.
  const heartbeat = startHeartbeat(ctx.db, ctx.workerId, log);

  const wake = () => wakeUp?.();
  // Failed rows re-queued in this process (Retry failed) are due now: campaigns resting until a later row look again
  // on the next pass. Another process's re-queue is found when the rest ends (restMaxMs at most).
  const stopListening = onSignal("recipients-requeued", () => {
    for (const st of states.values()) st.restUntil = 0;
    wake();
  });
  const sleep = (ms: number, wakeable = true) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (wakeUp === done) wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (wakeable) wakeUp = done;
    });

  async function housekeeping(): Promise<void> {
    const configured = await configuredAccountRate(ctx.db, o.accountSendsPerSecond);
    if (configured !== ctx.account.rate) log(`account rate set to ${configured}/s`);
    ctx.account = { ...ctx.account, rate: configured, burst: o.accountBurst ?? Math.max(1, configured) };
    for (const id of await startDueCampaigns(ctx.db, ctx.workerId)) log(`started campaign ${id}`);
    const skipped = await skipCancelledLeftovers(ctx.db);
    if (skipped > 0) log(`skipped ${skipped} rows of cancelled campaigns`);
  }

  /**
   * Settings → Sending (number rates, the WhatsApp daily limit), read every few seconds, and as soon as a campaign
   * this process has not sent yet starts: an admin often sets them just before launching.
   */
  async function readCapacity(newCampaign: boolean): Promise<void> {
    const since = Date.now() - capacityReadAt;
    if (since < o.capacitySettingMs && !(newCampaign && since >= o.housekeepingMs)) return;
    capacityReadAt = Date.now();
    ctx.capacity = await readSendingCapacity(ctx.db);
  }

  /** Raises the account rate back after throttling, once per pass for all the successes since the last one. */
  async function recover(): Promise<void> {
    const n = ctx.limiter.successes;
    ctx.limiter.successes = 0;
    if (n === 0 || ctx.limiter.currentRate >= ctx.account.rate) return;
    ctx.limiter.currentRate = await onSuccess(ctx.db, ctx.account, n, o.recoveryShare);
  }

  /** Re-reads which campaigns are running: a pause or cancel made elsewhere is seen on the next pass. */
  async function runningCampaigns(): Promise<{ list: CampaignState[]; anyNew: boolean }> {
    const rows = await ctx.db
      .select({ id: campaigns.id, config: campaigns.config, waitingReason: campaigns.waitingReason })
      .from(campaigns)
      .where(eq(campaigns.status, "running"));
    const seen = new Set<string>();
    const list: CampaignState[] = [];
    let anyNew = false;
    for (const row of rows) {
      const campaign: RunningCampaign = { id: row.id, config: row.config as CampaignConfig };
      let st = states.get(row.id);
      if (!st) {
        states.set(row.id, (st = new CampaignState(campaign, o.errorWindow)));
        anyNew = true;
      }
      st.campaign = campaign;
      st.waitingReason = row.waitingReason;
      seen.add(row.id);
      list.push(st);
    }
    // A campaign that stopped running starts afresh if it runs again: its old error window no longer applies.
    for (const id of states.keys()) if (!seen.has(id)) states.delete(id);
    return { list, anyNew };
  }

  function launch(st: CampaignState, row: CampaignRecipient, number: BucketSpec | undefined, buckets: BucketSpec[] | undefined): void {
    let outcome: SendOutcome = "other";
    const task = (async () => {
      // Held back by its send window or a frequency cap, not sent: its token serves the next row instead, so rows
      // that wait never slow the ones that may go. Asked before the number's pacing, which then spaces the call itself.
      if (await holdBeforeSend(ctx, st.campaign.id, st.campaign.config, row)) {
        if (buckets) await refund(ctx.db, buckets, 1);
        return;
      }
      const delay = number ? pacer.delayMs(number) : 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const result = await sendToRecipient(ctx.gateway, st.campaign.id, st.campaign.config, row);
      for (let attempt = 0; ; attempt++) {
        try {
          outcome = await handleResult(ctx, st, row, result);
          return;
        } catch (err) {
          const pause = RECORD_RETRY_MS[attempt];
          if (pause === undefined) throw err;
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
    })()
      // The row stays claimed and is sent again with the same ClientToken once its lease runs out.
      .catch((err: unknown) => log(`row ${row.id}: could not record the outcome (${errorSummary(err)}); it will be retried after its lease`))
      .finally(() => {
        if (st.campaign.config.channel === "whatsapp") ctx.whatsApp.settle();
        // Its outcome may be a retry due sooner than the rows the campaign rests for, or the campaign's last row.
        st.restUntil = 0;
        st.slots.settled(outcome, o.batchSize);
        inFlight.delete(task);
        wake();
      });
    inFlight.add(task);
  }

  /** One pass; returns how long to sleep before the next. */
  async function tick(): Promise<number> {
    const now = Date.now();
    if (now >= nextHousekeeping) {
      nextHousekeeping = now + o.housekeepingMs;
      await housekeeping();
    }
    await recover();
    const { list: running, anyNew } = await runningCampaigns();
    if (running.length > 0) await readCapacity(anyNew);
    let waitMs = o.pollMs;
    // The campaign served longest ago goes first: campaigns sharing the account's tokens, or a number's, take turns
    // however many passes run between two tokens.
    for (const st of [...running].sort((a, b) => a.servedAtMs - b.servedAtMs)) {
      if (stopping) break;
      const free = o.maxInFlight - inFlight.size;
      if (free <= 0) break;
      if (st.held()) {
        waitMs = Math.min(waitMs, st.holdUntil - Date.now());
        continue;
      }
      const { rows, waitMs: next, number, buckets } = await fillCampaign(ctx, st, free);
      if (rows.length > 0) st.servedAtMs = Date.now();
      for (const row of rows) launch(st, row, number, buckets);
      waitMs = Math.min(waitMs, next);
    }
    return Math.max(o.minTickMs, waitMs);
  }

  const done = (async () => {
    let failures = 0;
    while (!stopping) {
      const started = Date.now();
      let waitMs: number;
      try {
        waitMs = await tick();
        if (failures > 0) log(`passes succeed again after ${failures} failure(s)`);
        failures = 0;
      } catch (err) {
        failures += 1;
        // Every failure of a short outage, then one line in ten while it lasts.
        if (failures <= 3 || failures % 10 === 0) log(`pass failed (${failures} in a row): ${errorSummary(err)}`);
        waitMs = Math.min(MAX_FAILURE_PAUSE_MS, Math.max(o.pollMs, 1_000) * 2 ** Math.min(failures - 1, 3));
      }
      if (stopping) break;
      await sleep(waitMs);
      // Woken early by a finished send: still keep passes at least minTickMs apart.
      const gap = o.minTickMs - (Date.now() - started);
      if (gap > 0 && !stopping) await sleep(gap, false);
    }
    stopListening();
    await Promise.allSettled([...inFlight]);
    // Sends finishing during the drain may have added to the set.
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    await heartbeat.stop();
  })();

  let stopped: Promise<void> | undefined;
  return {
    workerId: config.workerId,
    stop() {
      stopping = true;
      wake();
      stopped ??= done;
      return stopped;
    },
  };
}
