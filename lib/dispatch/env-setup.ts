// How a process that sends campaigns is set up from the validated environment: the console's embedded dispatcher
// and scripts/worker.ts use the same gateway settings and the same account bucket, so they share one rate.
import type { ConnectGatewayOptions } from "@/lib/connect/gateway";
import type { Env } from "@/lib/env-schema";
import { accountLimiterKey, type DispatchOptions } from "./options";

// Well under the default lease (60 s): a send still waiting on Connect never outlives its claim.
const REQUEST_TIMEOUT_MS = 15_000;

export function dispatchSetupFromEnv(e: Env, connectEndpoint: string | undefined): { gateway: ConnectGatewayOptions; options: Partial<DispatchOptions> } {
  return {
    // maxAttempts 1: the dispatcher owns retries, with the same ClientToken, through the ledger.
    gateway: { mode: e.CONNECT_MODE, endpoint: connectEndpoint, region: e.region, maxAttempts: 1, requestTimeoutMs: REQUEST_TIMEOUT_MS },
    options: { limiterKey: accountLimiterKey(e.region, e.CONNECT_MODE), accountSendsPerSecond: e.ACCOUNT_SENDS_PER_SECOND },
  };
}
