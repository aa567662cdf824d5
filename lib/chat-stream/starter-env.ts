import "server-only";
// The stream starter as the console and each worker start it: one per process (a second start, the console's boot code
// running twice, starts nothing), with the dispatcher's Connect settings and a gateway of its own, so its calls never
// queue behind sends. Whether any chat is streamed is the per-instance setting's business, not the environment's.
import { createConnectGateway } from "@/lib/connect/gateway";
import type { Db } from "@/lib/db/types";
import { dispatchSetupFromEnv } from "@/lib/dispatch/env-setup";
import type { Env } from "@/lib/env-schema";
import { startStreamStarter, type StreamStarter } from "./starter";

const g = globalThis as unknown as { __streamStarter?: StreamStarter };

export function startStreamStarterFromEnv(db: Db, e: Env, connectEndpoint: string | undefined, log: (line: string) => void): StreamStarter | undefined {
  if (g.__streamStarter) return undefined;
  // Local mode without a simulator to reach (it failed to start): nothing could be streamed.
  if (e.CONNECT_MODE === "local" && !connectEndpoint) return undefined;
  const { gateway } = dispatchSetupFromEnv(e, connectEndpoint);
  const starter = startStreamStarter({ db, gateway: createConnectGateway(gateway), mode: e.CONNECT_MODE, log });
  const running: StreamStarter = {
    async stop() {
      await starter.stop();
      if (g.__streamStarter === running) g.__streamStarter = undefined;
    },
  };
  g.__streamStarter = running;
  return running;
}
