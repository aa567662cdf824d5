import "server-only";
// Reconciliation as the console and the workers run it: the same Connect settings and the same account bucket as
// their dispatchers, every RECONCILE_SECONDS (0 turns it off).
import { createConnectGateway } from "@/lib/connect/gateway";
import type { Db } from "@/lib/db/types";
import { dispatchSetupFromEnv } from "@/lib/dispatch/env-setup";
import { accountLimiterKey } from "@/lib/dispatch/options";
import type { Env } from "@/lib/env-schema";
import { startReconciler, type Reconciler } from "./reconcile-loop";

export function startReconcilerFromEnv(db: Db, e: Env, connectEndpoint: string | undefined, log: (line: string) => void): Reconciler | undefined {
  if (e.RECONCILE_SECONDS === 0) return undefined;
  const { gateway } = dispatchSetupFromEnv(e, connectEndpoint);
  return startReconciler({
    db,
    gateway: createConnectGateway(gateway),
    intervalMs: e.RECONCILE_SECONDS * 1000,
    options: { limiterKey: accountLimiterKey(e.region, e.CONNECT_MODE), accountSendsPerSecond: e.ACCOUNT_SENDS_PER_SECOND },
    log,
  });
}
