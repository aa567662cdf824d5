// The /_local/ inspection and control API used by tests, load runs and people poking at the simulator.
import { z } from "zod";
import { ApiError } from "./api-error";
import { audienceView } from "./audience-view";
import { ceilingsView } from "./ceilings-view";
import { configPatchSchema, type ConnectLocalConfig, type ConnectLocalConfigPatch } from "./config";
import { contactEnd, expiresAtMs, type StoredContact } from "./contact";
import type { SimContext } from "./context";
import { pageFromQuery, paginate } from "./pagination";
import { confirmSubscription, createHttpSubscription, createQueue, createTopic, streamingView, unsubscribe } from "./streaming-admin";
import { Validator } from "./validator";

export interface LocalAdmin {
  ctx: SimContext;
  dataDir?: string;
  updateConfig(patch: ConnectLocalConfigPatch): ConnectLocalConfig;
  /** Moves simulated time forward at once. */
  advanceClock(ms: number): void;
  reset(): void;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const v: Validator = new Validator("InvalidRequestException");

// Ten years: far enough for any window the simulator models, near enough to stay a valid date.
const MAX_ADVANCE_SECONDS = 10 * 366 * 24 * 60 * 60;
const clockAdvanceSchema = z.strictObject({
  advanceSeconds: z.number().positive().max(MAX_ADVANCE_SECONDS),
});

/** Listings answer at most this many items per page; callers follow nextToken for the rest. */
export const LOCAL_PAGE_MAX = 1000;

export function handleLocalRequest(
  admin: LocalAdmin,
  method: string,
  pathname: string,
  query: URLSearchParams,
  body: unknown,
): { status: number; body?: unknown; text?: string } {
  const key = `${method} ${pathname.replace(/\/+$/, "")}`;
  switch (key) {
    case "GET /_local/state":
      return { status: 200, body: state(admin) };
    case "GET /_local/contacts":
      return { status: 200, body: contacts(admin.ctx, query) };
    case "GET /_local/events":
      return { status: 200, body: events(admin.ctx, query) };
    case "GET /_local/config":
      return { status: 200, body: admin.ctx.config };
    case "PUT /_local/config": {
      const parsed = configPatchSchema.safeParse(body ?? {});
      if (!parsed.success) throw new ApiError("InvalidRequestException", 400, `Invalid config: ${z.prettifyError(parsed.error)}`);
      return { status: 200, body: admin.updateConfig(parsed.data) };
    }
    case "GET /_local/audience":
      return { status: 200, body: audienceView(admin.ctx) };
    case "GET /_local/ceilings":
      return { status: 200, body: ceilingsView(admin.ctx) };
    case "POST /_local/clock": {
      const parsed = clockAdvanceSchema.safeParse(body ?? {});
      if (!parsed.success) throw new ApiError("InvalidRequestException", 400, `Invalid clock change: ${z.prettifyError(parsed.error)}`);
      admin.advanceClock(parsed.data.advanceSeconds * 1000);
      return { status: 200, body: { now: iso(admin.ctx.clock.nowMs()), speed: admin.ctx.clock.getSpeed() } };
    }
    case "GET /_local/streaming":
      return { status: 200, body: streamingView(admin.ctx) };
    case "POST /_local/streaming/topics":
      return { status: 200, body: createTopic(admin.ctx, body) };
    case "POST /_local/streaming/queues":
      return { status: 200, body: createQueue(admin.ctx, body) };
    case "POST /_local/streaming/subscriptions":
      return { status: 200, body: createHttpSubscription(admin.ctx, body) };
    case "GET /_local/sns/signing-key.pem":
      return { status: 200, text: admin.ctx.sns.signer.certificatePem() };
    case "GET /_local/sns/confirm":
      return { status: 200, body: confirmSubscription(admin.ctx, query) };
    case "GET /_local/sns/unsubscribe":
      return { status: 200, body: unsubscribe(admin.ctx, query) };
    case "POST /_local/reset":
      admin.reset();
      return { status: 200, body: { reset: true, config: admin.ctx.config } };
    default:
      throw new ApiError("UnknownOperationException", 404, `No local route ${method} ${pathname}`);
  }
}

function state({ ctx, dataDir }: LocalAdmin) {
  const { catalog, store, clock, counters, config } = ctx;
  const now = clock.nowMs();
  return {
    accountId: catalog.accountId,
    region: catalog.region,
    seed: {
      instances: catalog.instances.map((instance) => ({
        id: instance.id,
        alias: instance.alias,
        status: instance.status,
        contactFlows: catalog.flows(instance.id).length,
        queues: catalog.queues(instance.id).length,
        phoneNumbers: catalog.phoneNumbers.filter((number) => number.instanceId === instance.id).length,
      })),
      knowledgeBases: catalog.knowledgeBases.map((kb) => ({ id: kb.id, name: kb.name, type: kb.type, messageTemplates: kb.messageTemplates.length })),
    },
    counters: {
      ...counters,
      contacts: store.contacts.size,
      events: store.events.length,
      activeChats: store.activeCounts(now),
    },
    config,
    clock: { now: iso(now), speed: clock.getSpeed() },
    persistence: dataDir ?? null,
  };
}

/**
 * Contacts in the order they were created, optionally only those whose ClientToken starts with `clientTokenPrefix`
 * and whose request arrived at or after `since` (wall clock, ISO 8601), a page of `maxResults` at a time.
 */
function contacts({ store, clock }: SimContext, query: URLSearchParams) {
  const prefix = query.get("clientTokenPrefix") ?? undefined;
  const since = readSince(query);
  const request = pageFromQuery(v, query, { min: 1, max: LOCAL_PAGE_MAX });
  const matching = [...store.contacts.values()].filter(
    (contact) => (prefix === undefined || (contact.clientToken ?? "").startsWith(prefix)) && (since === undefined || arrivedAtMs(contact) >= since),
  );
  const scope = `local-contacts|${prefix ?? ""}|${since ?? ""}`;
  const { page, nextToken } = paginate(v, matching, scope, request, { defaultSize: LOCAL_PAGE_MAX });
  const now = clock.nowMs();
  return {
    contacts: page.map((contact) => {
      const end = contactEnd(contact, now);
      return {
        contactId: contact.id,
        arn: contact.arn,
        instanceId: contact.instanceId,
        direction: contact.direction,
        status: end ? "ended" : "active",
        clientToken: contact.clientToken ?? null,
        subtype: contact.subtype,
        customerAddress: contact.customerAddress,
        systemAddress: contact.systemAddress,
        contactFlowId: contact.contactFlowId,
        initiationMethod: contact.initiationMethod,
        receivedAt: iso(arrivedAtMs(contact)),
        initiatedAt: iso(contact.initiatedAtMs),
        lastUpdatedAt: iso(Math.max(contact.lastUpdatedAtMs, end?.atMs ?? 0)),
        expiresAt: iso(expiresAtMs(contact)),
        endedAt: iso(end?.atMs) ?? null,
        disconnectReason: end?.reason ?? null,
        request: contact.request,
      };
    }),
    nextToken,
  };
}

/** Integration events in the order they were accepted, a page at a time. */
function events({ store }: SimContext, query: URLSearchParams) {
  const request = pageFromQuery(v, query, { min: 1, max: LOCAL_PAGE_MAX });
  const { page, nextToken } = paginate(v, store.events, "local-events", request, { defaultSize: LOCAL_PAGE_MAX });
  return {
    events: page.map((event) => ({
      id: event.id,
      receivedAt: iso(event.receivedAtMs),
      instanceId: event.instanceId,
      contactId: event.contactId ?? null,
      newChatCreated: event.newChatCreated,
      outcome: event.outcome,
      request: event.request,
    })),
    nextToken,
  };
}

// Contacts restored from journals older than receivedAtMs fall back to their (simulated) start time.
const arrivedAtMs = (contact: StoredContact) => contact.receivedAtMs ?? contact.initiatedAtMs;

function readSince(query: URLSearchParams): number | undefined {
  const raw = query.get("since");
  if (raw === null) return undefined;
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(ms)) v.fail(`since must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z (got "${raw}")`);
  return ms;
}
