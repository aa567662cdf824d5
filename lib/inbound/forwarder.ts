import "server-only";
// The loop that forwards what the inbound route could not send at once: messages waiting after throttling or an
// outage, and messages queued behind an earlier one of the same chat. Runs in the console and in every worker;
// claims keep them from sending anything twice.
import type { ConnectGateway } from "@/lib/connect/gateway";
import type { Db } from "@/lib/db/types";
import { dueChats, drainChat, type ForwardDeps } from "./forward";
import type { ForwardRetryOptions } from "./retry-policy";
import { wakeableSleep } from "@/lib/background/wakeable-sleep";
import { errorSummary } from "@/lib/errors";

export interface ForwarderConfig {
  db: Db;
  /** Created with `maxAttempts: 1`: the forwarder owns retries. */
  gateway: ConnectGateway;
  /** How often to look for due messages when there was nothing to do. */
  pollMs?: number;
  /** Chats worked on at the same time; each chat is still sent strictly in order. */
  concurrency?: number;
  leaseMs?: number;
  retry?: ForwardRetryOptions;
  log?: (line: string) => void;
}

export interface Forwarder {
  /** Stops looking for work, lets the calls in flight finish and be recorded, then resolves. */
  stop(): Promise<void>;
}

const MESSAGES_PER_CHAT_PER_PASS = 20;

export function startInboundForwarder(config: ForwarderConfig): Forwarder {
  const pollMs = config.pollMs ?? 1_000;
  const concurrency = config.concurrency ?? 8;
  const log = config.log ?? ((line: string) => console.log(`[inbound] ${line}`));
  const deps: ForwardDeps = { db: config.db, gateway: config.gateway, leaseMs: config.leaseMs, retry: config.retry };
  let stopping = false;
  const { sleep, wake } = wakeableSleep();

  /** One pass over the due chats, `concurrency` at a time; returns how many messages it settled or re-queued. */
  async function pass(): Promise<number> {
    const chats = await dueChats(config.db, concurrency * 4);
    let handled = 0;
    let next = 0;
    const worker = async () => {
      while (!stopping && next < chats.length) {
        const chat = chats[next++]!;
        handled += await drainChat(deps, chat, MESSAGES_PER_CHAT_PER_PASS);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, chats.length) }, worker));
    return handled;
  }

  const done = (async () => {
    let failures = 0;
    while (!stopping) {
      let handled = 0;
      try {
        handled = await pass();
        failures = 0;
      } catch (err) {
        // The database is down or restarting: try again at growing intervals (up to 10 polls), logging now and then.
        failures += 1;
        if (failures <= 3 || failures % 10 === 0) log(`pass failed (${failures} in a row): ${errorSummary(err)}`);
      }
      if (stopping) break;
      // Straight on while there is work; otherwise wait for messages to become due.
      await sleep(failures > 0 ? pollMs * Math.min(10, 2 ** (failures - 1)) : handled > 0 ? 0 : pollMs);
    }
  })();

  return {
    stop() {
      stopping = true;
      wake();
      return done;
    },
  };
}
