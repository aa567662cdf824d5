import "server-only";
// The dispatcher inside the console process: required with the embedded database (one process only), and the
// default with PostgreSQL too; DISPATCHER=off leaves sending to `npm run worker` processes. Reconciliation of open
// chats starts here too (RECONCILE_SECONDS=0 turns it off), and so do reading the chat stream's queue and starting
// each new chat's stream.
import { randomBytes } from "node:crypto";
import { startChatStreamFromEnv } from "@/lib/chat-stream/consumer-env";
import { startReplySweep } from "@/lib/chat-stream/pending-replies";
import { startStreamStarterFromEnv } from "@/lib/chat-stream/starter-env";
import { createConnectGateway } from "@/lib/connect/gateway";
import { startReconcilerFromEnv } from "@/lib/contacts/reconcile-env";
import { dispatchSetupFromEnv } from "@/lib/dispatch/env-setup";
import { startDispatcher } from "@/lib/dispatch/dispatcher";
import { startInboundForwarder } from "@/lib/inbound/forwarder";
import { releaseAllLeases } from "@/lib/ledger/release-leases";
import type { Runtime } from "@/lib/runtime/current";

/**
 * Inbound messages the route could not forward at once (throttling, an outage, an earlier message of the same chat
 * still waiting) are retried here, DISPATCHER=off or not: claims keep it apart from workers doing the same.
 */
function startEmbeddedForwarder(rt: Runtime): void {
  const setup = dispatchSetupFromEnv(rt.env, rt.connectEndpoint);
  const forwarder = startInboundForwarder({
    db: rt.database.db,
    gateway: createConnectGateway(setup.gateway),
    log: (line) => console.log(`[inbound] ${line}`),
  });
  rt.shutdownHooks.push(() => forwarder.stop());
}

export async function startEmbeddedDispatcher(rt: Runtime): Promise<void> {
  startEmbeddedForwarder(rt);
  // Reconciliation runs here even when workers do the sending: rows are claimed, so it never checks a chat twice.
  const reconciler = startReconcilerFromEnv(rt.database.db, rt.env, rt.connectEndpoint, (line: string) => console.log(`[reconcile] ${line}`));
  if (reconciler) rt.shutdownHooks.push(() => reconciler.stop());
  const chatStream = startChatStreamFromEnv(rt.database.db, rt.env, rt.connectEndpoint, (line: string) => console.log(`[chat-stream] ${line}`));
  if (chatStream) rt.shutdownHooks.push(() => chatStream.stop());
  // Always: customer messages may come by the SNS endpoint alone, with no queue read here.
  const replySweep = startReplySweep({ db: rt.database.db, log: (line: string) => console.log(`[chat-stream] ${line}`) });
  rt.shutdownHooks.push(() => replySweep.stop());
  // Runs even when workers do the sending: contacts are claimed, so no chat's streaming is started twice at once.
  const streamStarter = startStreamStarterFromEnv(rt.database.db, rt.env, rt.connectEndpoint, (line: string) => console.log(`[stream-starter] ${line}`));
  if (streamStarter) rt.shutdownHooks.push(() => streamStarter.stop());
  if (rt.env.DISPATCHER === "off") {
    console.log("[console] DISPATCHER=off: campaigns are sent by worker processes");
    return;
  }
  if (rt.database.kind === "pglite") {
    const released = await releaseAllLeases(rt.database.db);
    if (released > 0) console.log(`[console] ${released} send(s) interrupted by the last stop will be completed now`);
  }
  const setup = dispatchSetupFromEnv(rt.env, rt.connectEndpoint);
  const dispatcher = startDispatcher({
    db: rt.database.db,
    gateway: createConnectGateway(setup.gateway),
    // Unique per start: a restarted container often gets the same pid, and must not pass for its dead predecessor.
    workerId: `console:${process.pid}:${randomBytes(3).toString("hex")}`,
    options: setup.options,
    log: (line: string) => console.log(`[dispatch] ${line}`),
  });
  // Drains before the database closes: no claim is left half-recorded.
  rt.shutdownHooks.push(() => dispatcher.stop());
}
