import "server-only";
import { loadEnv, type Env } from "./env-schema";

// Read once per process: every module sees the same validated configuration.
const globalForEnv = globalThis as unknown as { __outboundEnv?: Env };

export function env(): Env {
  globalForEnv.__outboundEnv ??= loadEnv(process.env);
  return globalForEnv.__outboundEnv;
}

export type { Env };
