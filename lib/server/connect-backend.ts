import "server-only";
// Which Connect the console talks to: real AWS, an endpoint given by CONNECT_ENDPOINT, or the local
// simulator started inside this process (the default), with its state kept beside the database.
import path from "node:path";
import { connectLocalOptionsFromEnv } from "@/lib/connect-local/env-options";
import { startConnectLocal } from "@/lib/connect-local/server";
import type { Runtime } from "@/lib/runtime/current";

export async function startConnectBackend(rt: Runtime): Promise<void> {
  const e = rt.env;
  if (e.CONNECT_MODE !== "local" || e.CONNECT_ENDPOINT) return;
  const options = connectLocalOptionsFromEnv(process.env);
  const sim = await startConnectLocal({
    ...options,
    port: e.CONNECT_LOCAL_PORT,
    dataDir: options.dataDir ?? path.join(e.dataDir, "connect-local"),
    log: (line) => console.log(`[connect-local] ${line}`),
  });
  rt.connectEndpoint = sim.url;
  rt.shutdownHooks.push(() => sim.close());
}
