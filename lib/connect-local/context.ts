// What every operation handler receives.
import type { AudienceModel } from "./audience";
import type { Catalog, CatalogInstance } from "./catalog";
import type { ChatStreaming } from "./chat-streaming";
import type { ConnectLocalConfig } from "./config";
import type { ContactStore } from "./contact-store";
import { resourceNotFound } from "./api-error";
import type { NumberThroughput } from "./number-throughput";
import type { SimClock } from "./sim-clock";
import type { SnsTopics } from "./sns-topics";
import type { SqsQueues } from "./sqs-queues";
import type { WhatsAppReach } from "./whatsapp-reach";

export interface Counters {
  requests: Record<string, number>;
  statuses: Record<string, number>;
  errors: Record<string, number>;
  faultsInjected: Record<string, number>;
  contactsCreated: number;
  idempotentReplays: number;
  eventsRecorded: number;
}

export function emptyCounters(): Counters {
  return { requests: {}, statuses: {}, errors: {}, faultsInjected: {}, contactsCreated: 0, idempotentReplays: 0, eventsRecorded: 0 };
}

export interface SimContext {
  catalog: Catalog;
  store: ContactStore;
  clock: SimClock;
  config: ConnectLocalConfig;
  counters: Counters;
  /** State of the sending ceilings: per-number pipes and WhatsApp messaging-limit windows. */
  ceilings: { throughput: NumberThroughput; reach: WhatsAppReach };
  /** Chat streams, the topics they publish to and the queues subscribed to those (contract-streaming.md). */
  streaming: ChatStreaming;
  sns: SnsTopics;
  sqs: SqsQueues;
  /** Simulated recipients' receipts and replies to outbound chats (audience.ts). */
  audience: AudienceModel;
}

export interface OperationRequest {
  /** Decoded path labels in route order. */
  params: string[];
  query: URLSearchParams;
  body: unknown;
  /** Wall-clock time the request reached the simulator, before any injected latency; not the simulated clock. */
  receivedAtMs: number;
}

export type OperationHandler = (ctx: SimContext, request: OperationRequest) => unknown;

export function requireInstance(ctx: SimContext, instanceId: string): CatalogInstance {
  const instance = ctx.catalog.findInstance(instanceId);
  if (!instance) throw resourceNotFound(`Instance ${instanceId} not found in account ${ctx.catalog.accountId}`);
  return instance;
}

export function epochSeconds(ms: number): number {
  return ms / 1000;
}

export function isoEpochSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}
