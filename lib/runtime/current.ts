import "server-only";
// The process-wide runtime as the domains reach it: configuration, the database, the session secret and the Connect
// endpoint. lib/server boots it (which needs most domains) and hands the boot over with provideRuntimeBoot, so the
// domains can use the runtime without depending on the boot code. Kept on globalThis because the server entry and
// Next's route bundles load separate copies of this module.
import type { DataDirLock } from "@/lib/db/data-dir-lock";
import type { DatabaseHandle } from "@/lib/db/types";
import type { Env } from "@/lib/env";

export interface Runtime {
  env: Env;
  database: DatabaseHandle;
  authSecret: string;
  lock?: DataDirLock;
  /** Set once the local Connect simulator (or CONNECT_ENDPOINT) is known. */
  connectEndpoint?: string;
  shutdownHooks: (() => Promise<void> | void)[];
}

const g = globalThis as unknown as { __outboundRuntime?: Promise<Runtime>; __outboundRuntimeBoot?: () => Promise<Runtime> };

/** Called by the boot code when it loads: the first getRuntime() in the process boots with it. */
export function provideRuntimeBoot(boot: () => Promise<Runtime>): void {
  g.__outboundRuntimeBoot = boot;
}

export function getRuntime(): Promise<Runtime> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    return Promise.reject(new Error("The database is not opened while building; this page must be dynamic"));
  }
  if (!g.__outboundRuntime) {
    const boot = g.__outboundRuntimeBoot;
    if (!boot)
      return Promise.reject(new Error("The console runtime has not been started: run the console through scripts/server.ts (npm start or npm run dev)"));
    // A failed start is not remembered: the next call tries again.
    g.__outboundRuntime = boot().catch((err: unknown) => {
      g.__outboundRuntime = undefined;
      throw err;
    });
  }
  return g.__outboundRuntime;
}

export async function getDb() {
  return (await getRuntime()).database.db;
}

/** The runtime if one was started, without starting one (shutdown must not boot). */
export function startedRuntime(): Promise<Runtime> | undefined {
  return g.__outboundRuntime;
}

/** After shutdown: the next getRuntime() boots afresh. */
export function forgetRuntime(): void {
  g.__outboundRuntime = undefined;
}
