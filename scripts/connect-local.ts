// Starts the local Connect simulator with settings from CONNECT_LOCAL_* (see lib/connect-local/env-options.ts).
import { connectLocalOptionsFromEnv } from "@/lib/connect-local/env-options";
import { startConnectLocal } from "@/lib/connect-local/server";

async function main(): Promise<void> {
  const options = connectLocalOptionsFromEnv(process.env);
  const server = await startConnectLocal(options);
  console.log(`connect-local listening on ${server.url} (state: ${options.dataDir ?? "in memory"})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`connect-local received ${signal}, closing`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
