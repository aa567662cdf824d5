import "server-only";
// The dispatcher inside the console process: required with the embedded database (one process only), and the
// default with PostgreSQL too; DISPATCHER=off leaves sending to `npm run worker` processes.
import { createConnectGateway } from "@/lib/connect/gateway";
import { dispatchSetupFromEnv } from "@/lib/dispatch/env-setup";
import { startDispatcher } from "@/lib/dispatch/dispatcher";
import type { Runtime } from "./runtime";

export function startEmbeddedDispatcher(rt: Runtime): void {
  if (rt.env.DISPATCHER === "off") {
    console.log("[console] DISPATCHER=off: campaigns are sent by worker processes");
    return;
  }
  const setup = dispatchSetupFromEnv(rt.env, rt.connectEndpoint);
  const dispatcher = startDispatcher({
    db: rt.database.db,
    gateway: createConnectGateway(setup.gateway),
    workerId: `console:${process.pid}`,
    options: setup.options,
    log: (line: string) => console.log(`[dispatch] ${line}`),
  });
  // Drains before the database closes: no claim is left half-recorded.
  rt.shutdownHooks.push(() => dispatcher.stop());
}
