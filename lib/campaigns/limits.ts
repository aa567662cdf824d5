import "server-only";
import { env } from "@/lib/env";
import type { PreflightLimits } from "./preflight-server";

export function preflightLimits(): PreflightLimits {
  const e = env();
  return { accountSendsPerSecond: e.ACCOUNT_SENDS_PER_SECOND, concurrentChatQuota: e.CONCURRENT_CHAT_QUOTA, maxRecipientBytes: e.RECIPIENTS_MAX_MB * 1024 * 1024 };
}
