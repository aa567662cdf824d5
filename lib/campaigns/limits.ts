import "server-only";
import { configuredAccountRate } from "@/lib/settings/account-rate";
import type { Db } from "@/lib/db/types";
import { env } from "@/lib/env";
import type { PreflightLimits } from "./preflight-server";
import type { LaunchConfirmRules } from "./preflight-summary";

/** When launch asks for more than one click: read again at launch, so a changed setting applies to drafts saved before. */
export function launchConfirmRules(): LaunchConfirmRules {
  const e = env();
  return { invalidShareAbove: e.LAUNCH_CONFIRM_INVALID_PERCENT / 100, typeCountFrom: e.LAUNCH_TYPE_COUNT_FROM };
}

export async function preflightLimits(db: Db): Promise<PreflightLimits> {
  const e = env();
  return {
    accountSendsPerSecond: await configuredAccountRate(db, e.ACCOUNT_SENDS_PER_SECOND),
    concurrentChatQuota: e.CONCURRENT_CHAT_QUOTA,
    maxRecipientBytes: e.RECIPIENTS_MAX_MB * 1024 * 1024,
    launchConfirm: launchConfirmRules(),
  };
}
