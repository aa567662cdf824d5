import "server-only";
// Starts chat streaming (StartContactStreaming) for the contacts the console recorded, so their delivered and read
// receipts, replies and endings reach the chat stream's queue. Apart from the send path on purpose: a send is recorded
// without waiting for any of this, and nothing here writes anything but a contact's stream columns, so a failure can
// neither lose nor repeat a send.
//
// Each round reads the topic per instance, claims that instance's open contacts of the last day that are due (never
// tried, or their retry time has come) and starts streaming each with a ClientToken derived from the contact and the
// topic: a process that died after Connect started a stream, or a response that was lost, is retried with the same
// token and gets the same StreamingId back. Claims make processes sharing one database split the work.
import { createHash } from "node:crypto";
import { longerBackoff } from "@/lib/background/backoff";
import { onSignal } from "@/lib/background/signals";
import { wakeableSleep } from "@/lib/background/wakeable-sleep";
import { classifyConnectError } from "@/lib/connect/classify-error";
import { connectErrorText } from "@/lib/connect/error-message";
import type { ConnectGateway } from "@/lib/connect/gateway";
import type { ConnectErrorInfo, ConnectInstance } from "@/lib/connect/types";
import { claimStreamDue, recordStreamFailed, recordStreamStarted, releaseStreamClaim, type StreamClaim, type StreamFailure } from "@/lib/contacts/streaming";
import type { Db } from "@/lib/db/types";
import { errorSummary } from "@/lib/errors";
import { readChatStreaming, topicFor } from "@/lib/settings/chat-streaming";

export interface StreamStarterOptions {
  /** Most contacts of one instance claimed by one statement. */
  batchSize: number;
  /** StartContactStreaming calls in flight at once. */
  concurrency: number;
  /** Pause between rounds that found less than a full batch. */
  intervalMs: number;
  /** Contacts created longer ago than this are not streamed. */
  maxAgeMs: number;
  /** A claimed contact is not claimed again for this long: well over one call's timeout. */
  leaseMs: number;
  /** Attempts that count against a contact before it is given up. */
  maxAttempts: number;
  /** Wait before the second attempt; each later one waits three times longer. */
  retryBaseMs: number;
  /** Local mode: how long the instance list behind the default topics is reused. */
  instancesRefreshMs: number;
}

export const DEFAULT_STREAM_STARTER_OPTIONS: StreamStarterOptions = {
  batchSize: 20,
  concurrency: 4,
  intervalMs: 2_000,
  maxAgeMs: 24 * 60 * 60_000,
  leaseMs: 2 * 60_000,
  maxAttempts: 5,
  retryBaseMs: 60_000,
  instancesRefreshMs: 60_000,
};

// After a round Connect or the database cut short, the pause doubles each time from the first to the last.

/** Same contact and topic, same token: Connect answers a retry with the StreamingId it gave first. */
export function streamClientToken(contactId: string, topicArn: string): string {
  return `stream-${createHash("sha256").update(`${contactId}\n${topicArn}`).digest("hex")}`;
}

export interface RoundResult {
  claimed: number;
  started: number;
  /** Failed and due again later (not counted against the contact when Connect throttled or refused every call). */
  retrying: number;
  /** Failed for good: the chat has ended, Connect does not know it, or its attempts ran out. */
  failed: number;
  /** Claimed, then put back untried because the round stopped. */
  released: number;
  /** Why the round stopped early: Connect throttled, or is failing every call alike. */
  stoppedBy?: ConnectErrorInfo;
  /** Some instance had a full batch: more may be waiting. */
  more: boolean;
}

type Verdict = { failure: StreamFailure; stopsRound: boolean };

/**
 * What a failed call means for the contact. An ended chat (InvalidRequest), a request Connect will never take, or a
 * contact or topic Connect does not know (ResourceNotFound) is final. Throttling, and refusals every call would meet
 * (credentials, permissions), are not the contact's doing: not counted, and the round stops. Anything else is retried
 * with a growing wait until its attempts run out; a server error or an unreachable Connect also stops the round.
 */
export function verdictOf(e: ConnectErrorInfo, attempt: number, o: Pick<StreamStarterOptions, "maxAttempts" | "retryBaseMs">, backoffMs: number): Verdict {
  const error = connectErrorText(e);
  if (e.kind === "permanent-for-this-recipient" || e.name === "ResourceNotFoundException")
    return { failure: { kind: "attempt", error, retryInMs: null }, stopsRound: false };
  if (e.kind === "throttled" || e.kind === "systemic") return { failure: { kind: "not-counted", error, retryInMs: backoffMs }, stopsRound: true };
  const retryInMs = attempt >= o.maxAttempts ? null : o.retryBaseMs * 3 ** (attempt - 1);
  return { failure: { kind: "attempt", error, retryInMs }, stopsRound: e.kind === "transient" };
}

export interface StreamStarterConfig {
  db: Db;
  /** Created with `maxAttempts: 1`: retries are the starter's, with the same ClientToken. */
  gateway: ConnectGateway;
  mode: "local" | "aws";
  options?: Partial<StreamStarterOptions>;
  log?: (line: string) => void;
  onRound?: (result: RoundResult) => void;
}

export interface StreamStarter {
  /** Lets the calls in flight finish and be recorded, puts back what was claimed but not called, then resolves. */
  stop(): Promise<void>;
}

export function startStreamStarter(config: StreamStarterConfig): StreamStarter {
  const o: StreamStarterOptions = { ...DEFAULT_STREAM_STARTER_OPTIONS, ...config.options };
  const log = config.log ?? ((line: string) => console.log(`[stream-starter] ${line}`));
  const { db, gateway } = config;
  let stopping = false;
  let backoffMs = 0;
  const { sleep, wake } = wakeableSleep();
  // A contact just recorded in this process: start its stream now (debounced: one round serves a burst of sends).
  let woken = false;
  const stopListening = onSignal("contact-recorded", () => {
    woken = true;
    if (backoffMs === 0) wake();
  });
  let instances: { list: ConnectInstance[]; at: number } | undefined;

  /** Instance id → topic, for every instance whose chats are streamed now. */
  async function topics(): Promise<[string, string][]> {
    const setting = await readChatStreaming(db);
    if (config.mode === "aws") return Object.entries(setting.topics).filter(([, topic]) => topic !== "");
    // Local mode streams an instance with no entry to the simulator's topic, named after the instance's account.
    if (!instances || Date.now() - instances.at > o.instancesRefreshMs) instances = { list: await gateway.listInstances(), at: Date.now() };
    return instances.list.map((i): [string, string] => [i.id, topicFor(setting, config.mode, i)]).filter(([, topic]) => topic !== "");
  }

  async function startOne(c: StreamClaim, result: RoundResult): Promise<boolean> {
    let streamingId: string;
    try {
      ({ streamingId } = await gateway.startContactStreaming({
        instanceId: c.instanceId,
        contactId: c.contactId,
        streamingEndpointArn: c.topicArn,
        clientToken: streamClientToken(c.contactId, c.topicArn),
      }));
    } catch (err) {
      const info = classifyConnectError(err);
      const verdict = verdictOf(info, c.attempt, o, longerBackoff(backoffMs));
      await recordStreamFailed(db, c, verdict.failure);
      result[verdict.failure.retryInMs === null ? "failed" : "retrying"] += 1;
      if (verdict.failure.retryInMs === null) log(`gave up streaming contact ${c.contactId} after ${c.attempt} attempt(s): ${verdict.failure.error}`);
      if (verdict.stopsRound) result.stoppedBy ??= info;
      return !verdict.stopsRound;
    }
    await recordStreamStarted(db, c, streamingId);
    result.started += 1;
    return true;
  }

  async function round(): Promise<RoundResult> {
    const result: RoundResult = { claimed: 0, started: 0, retrying: 0, failed: 0, released: 0, more: false };
    for (const [instanceId, topicArn] of await topics()) {
      if (stopping || result.stoppedBy) break;
      const claims = await claimStreamDue(db, { instanceId, topicArn, limit: o.batchSize, maxAgeMs: o.maxAgeMs, leaseMs: o.leaseMs });
      result.claimed += claims.length;
      if (claims.length === o.batchSize) result.more = true;
      let next = 0;
      let broken = false;
      const worker = async () => {
        while (!stopping && !broken && !result.stoppedBy && next < claims.length) {
          try {
            if (!(await startOne(claims[next++]!, result))) return;
          } catch (err) {
            broken = true;
            throw err;
          }
        }
      };
      const settled = await Promise.allSettled(Array.from({ length: Math.min(o.concurrency, claims.length) }, worker));
      // Claimed but never called: due again at once rather than after the lease, and not counted.
      for (const c of claims.slice(next)) {
        await releaseStreamClaim(db, c);
        result.released += 1;
      }
      const failed = settled.find((s) => s.status === "rejected");
      if (failed) throw failed.reason;
    }
    return result;
  }

  const done = (async () => {
    while (!stopping) {
      let more = false;
      try {
        const result = await round();
        config.onRound?.(result);
        more = result.more;
        if (result.stoppedBy) {
          backoffMs = longerBackoff(backoffMs);
          log(`Connect answered ${result.stoppedBy.name}; next round in ${Math.round(backoffMs / 1000)} s`);
        } else {
          backoffMs = 0;
        }
      } catch (err) {
        backoffMs = longerBackoff(backoffMs);
        log(`round failed: ${errorSummary(err)}; next round in ${Math.round(backoffMs / 1000)} s`);
      }
      if (stopping) break;
      // A full batch goes straight on; otherwise the interval, or the backoff after a failure.
      if (backoffMs > 0) await sleep(backoffMs);
      else if (!more && !woken) await sleep(o.intervalMs);
      woken = false;
    }
  })();

  return {
    stop() {
      stopping = true;
      stopListening();
      wake();
      return done;
    },
  };
}
