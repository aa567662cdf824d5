import "server-only";
import { configuredAccountRate } from "@/lib/settings/account-rate";
import type { Db } from "@/lib/db/types";
import { env } from "@/lib/env";
import type { PreflightLimits } from "./preflight-server";

export async function preflightLimits(db: Db): Promise<PreflightLimits> {
  const e = env();
  return {
    accountSendsPerSecond: await configuredAccountRate(db, e.ACCOUNT_SENDS_PER_SECOND),
    concurrentChatQuota: e.CONCURRENT_CHAT_QUOTA,
    maxRecipientBytes: e.RECIPIENTS_MAX_MB * 1024 * 1024,
  };
}
