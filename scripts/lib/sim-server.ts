// The local Connect simulator as a process of its own for the benchmark, so its CPU time is not counted as the
// dispatcher's. Config from SIM_CONFIG (JSON, a /_local/config patch); in memory; no request log.
// Prints `sim listening <url>` once ready and closes on SIGTERM or SIGINT.
import { startConnectLocal } from "@/lib/connect-local/server";
import type { ConnectLocalConfigPatch } from "@/lib/connect-local/config";

async function main(): Promise<void> {
  const config = JSON.parse(process.env.SIM_CONFIG ?? "{}") as ConnectLocalConfigPatch;
  const server = await startConnectLocal({ port: 0, log: false, config });
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    void server.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
  console.log(`sim listening ${server.url}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
