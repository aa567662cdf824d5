// The rate-limiter row for this console's Connect account and region: every campaign and dispatcher shares it.
import type { Env } from "@/lib/env-schema";

export function accountLimiterKey(e: Pick<Env, "CONNECT_MODE" | "region">): string {
  return `connect:${e.CONNECT_MODE}:${e.region}`;
}
