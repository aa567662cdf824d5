// Starts the local Connect simulator with settings from CONNECT_LOCAL_* (see lib/connect-local/env-options.ts).
import { connectLocalOptionsFromEnv } from "@/lib/connect-local/env-options";
import type { ConnectLocalServer } from "@/lib/connect-local/options";
import { startConnectLocal } from "@/lib/connect-local/server";

async function main(): Promise<void> {
  const options = connectLocalOptionsFromEnv(process.env);
  const running: { server?: ConnectLocalServer } = {};
  let stopSignal: string | undefined;

  const stop = (signal: string) => {
    if (stopSignal) return;
    stopSignal = signal;
    // Before the server is up there is nothing to close yet; main() closes it once started.
    if (running.server) closeAndExit(running.server, signal);
  };
  // Handlers go in before the URL is printed: whoever reads the URL may signal straight away.
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  const server = await startConnectLocal(options);
  running.server = server;
  console.log(`connect-local listening on ${server.url} (state: ${options.dataDir ?? "in memory"})`);
  if (stopSignal) closeAndExit(server, stopSignal);
}

function closeAndExit(server: ConnectLocalServer, signal: string): void {
  console.log(`connect-local received ${signal}, closing`);
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
