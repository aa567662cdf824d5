// A dispatcher process for PostgreSQL scale-out: run as many as needed beside the console. They share the campaigns'
// ledger and the account's rate limit through the database, so together they still contact each recipient once.
import "./allow-server-modules";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { auditKeyFromSecrets, configureAuditKey } from "@/lib/audit/key";
import { createConnectGateway } from "@/lib/connect/gateway";
import { migrateDatabase } from "@/lib/db/migrate";
import { openPostgres, waitForDatabase } from "@/lib/db/open";
import type { DatabaseHandle } from "@/lib/db/types";
import { startDispatcher } from "@/lib/dispatch/dispatcher";
import { dispatchSetupFromEnv } from "@/lib/dispatch/env-setup";
import { startChatStreamFromEnv } from "@/lib/chat-stream/consumer-env";
import { startReplySweep } from "@/lib/chat-stream/pending-replies";
import { startStreamStarterFromEnv } from "@/lib/chat-stream/starter-env";
import { startReconcilerFromEnv } from "@/lib/contacts/reconcile-env";
import { loadEnv } from "@/lib/env-schema";
import { resolveAuthSecret } from "@/lib/server/auth-secret";
import { startInboundForwarder } from "@/lib/inbound/forwarder";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

// Longer than the gateway's request timeout, so a drain normally finishes on its own.
const DRAIN_LIMIT_MS = 30_000;

async function main(): Promise<void> {
  const e = loadEnv(process.env);
  if (!e.DATABASE_URL) {
    throw new Error(
      "The worker needs DATABASE_URL (PostgreSQL). With the embedded database (PGlite) only one process may open the data folder, so campaigns must be sent from inside the console process.",
    );
  }
  // In local mode the console runs the simulator; a worker on the same machine finds it on CONNECT_LOCAL_PORT.
  const endpoint = e.CONNECT_MODE === "local" ? (e.CONNECT_ENDPOINT ?? `http://127.0.0.1:${e.CONNECT_LOCAL_PORT}`) : e.CONNECT_ENDPOINT;
  const workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const log = (line: string) => console.log(`[worker ${workerId}] ${line}`);

  const database: DatabaseHandle = await openPostgres(e.DATABASE_URL);
  // Started while PostgreSQL is down or restarting: wait for it instead of exiting.
  await waitForDatabase(database, { log });
  try {
    await migrateDatabase(database, { migrationUrl: e.DATABASE_MIGRATION_URL });
  } catch (err) {
    await database.close();
    throw err;
  }
  // The console's key (AUDIT_KEY, or derived from the same AUTH_SECRET): campaign transitions here are audited too.
  configureAuditKey(auditKeyFromSecrets(e.AUDIT_KEY, resolveAuthSecret(e)));
  const setup = dispatchSetupFromEnv(e, endpoint);
  const dispatcher = startDispatcher({ db: database.db, gateway: createConnectGateway(setup.gateway), workerId, options: setup.options, log });
  // Also retries inbound messages waiting for Connect; the console does the same, and claims keep them apart.
  const forwarder = startInboundForwarder({ db: database.db, gateway: createConnectGateway(setup.gateway), log: (line) => log(`inbound: ${line}`) });
  const reconciler = startReconcilerFromEnv(database.db, e, endpoint, (line) => log(`reconcile: ${line}`));
  // Competes with the console's consumer for the queue's messages; each is applied once whichever takes it.
  const chatStream = startChatStreamFromEnv(database.db, e, endpoint, (line) => log(`chat-stream: ${line}`));
  const replySweep = startReplySweep({ db: database.db, log: (line) => log(`chat-stream: ${line}`) });
  // Starts streaming for new chats alongside the console's starter; claims keep them from starting one twice at once.
  const streamStarter = startStreamStarterFromEnv(database.db, e, endpoint, (line) => log(`stream-starter: ${line}`));
  log(
    `sending (Connect: ${e.CONNECT_MODE}${endpoint ? ` at ${endpoint}` : ""}, region ${e.region}, account rate ${e.ACCOUNT_SENDS_PER_SECOND}/s unless set in settings)`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing the sends in flight`);
    const force = setTimeout(() => {
      // Rows still claimed are sent again by another worker once their lease runs out, with the same ClientToken.
      log("drain took too long; exiting with sends unrecorded");
      process.exit(1);
    }, DRAIN_LIMIT_MS);
    force.unref();
    await Promise.all([dispatcher.stop(), reconciler?.stop(), forwarder.stop(), chatStream?.stop(), replySweep.stop(), streamStarter?.stop()]);
    await database.close();
    log("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err) => {
  console.error(`[worker] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
