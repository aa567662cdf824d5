import "server-only";
// Runs reconciliation rounds every few seconds in the console and in each worker. Rows are claimed, so processes
// sharing one PostgreSQL database split the work; after Connect throttles, rounds space out until one goes through.
import type { ConnectGateway } from "@/lib/connect/gateway";
import type { Db } from "@/lib/db/types";
import { reconcileRound, type RoundResult } from "./reconcile";
import { resolveReconcileOptions, type ReconcileOptions } from "./reconcile-options";
import { wakeableSleep } from "@/lib/background/wakeable-sleep";
import { errorSummary } from "@/lib/errors";

export interface ReconcilerConfig {
  db: Db;
  /** Created by the caller with `maxAttempts: 1`: throttling is answered by the shared bucket, not SDK retries. */
  gateway: ConnectGateway;
  /** Time from the start of one round to the start of the next. */
  intervalMs: number;
  options: Partial<ReconcileOptions> & Pick<ReconcileOptions, "limiterKey" | "accountSendsPerSecond">;
  log?: (line: string) => void;
  onRound?: (result: RoundResult) => void;
}

export interface Reconciler {
  /** Ends the round in progress after its current call and resolves once nothing more touches the database. */
  stop(): Promise<void>;
}

// After throttling the pause doubles each time, up to this.
const MAX_BACKOFF_MS = 5 * 60_000;

export function startReconciler(config: ReconcilerConfig): Reconciler {
  // A round never outlasts the interval, so one process never queues rounds behind each other.
  const o = resolveReconcileOptions({ roundBudgetMs: config.intervalMs, ...config.options });
  const log = config.log ?? ((line: string) => console.log(`[reconcile] ${line}`));
  let stopping = false;
  const { sleep, wake } = wakeableSleep();

  const done = (async () => {
    let backoffMs = 0;
    while (!stopping) {
      const started = Date.now();
      try {
        const result = await reconcileRound({ db: config.db, gateway: config.gateway, o, shouldStop: () => stopping, sleep });
        config.onRound?.(result);
        if (result.throttled) {
          backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(config.intervalMs, backoffMs * 2));
          log(
            `throttled by Connect after ${result.calls} check(s): account rate now ${result.accountRateAfterThrottle?.toFixed(2)}/s; next round in ${Math.round(backoffMs / 1000)} s`,
          );
        } else {
          backoffMs = 0;
          const { ended, unknown, error } = result.outcomes;
          if (ended + unknown + error > 0) log(`${result.calls} checked: ${ended} ended, ${unknown} unknown to Connect, ${error} failed`);
        }
      } catch (err) {
        log(`round failed: ${errorSummary(err)}`);
      }
      if (stopping) break;
      await sleep(backoffMs > 0 ? backoffMs : Math.max(0, config.intervalMs - (Date.now() - started)));
    }
  })();

  return {
    stop() {
      stopping = true;
      wake();
      return done;
    },
  };
}
