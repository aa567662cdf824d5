// The /_local/ inspection and control API used by tests, load runs and people poking at the simulator.
import { z } from "zod";
import { ApiError } from "./api-error";
import { configPatchSchema, type ConnectLocalConfig, type ConnectLocalConfigPatch } from "./config";
import { contactEnd, expiresAtMs } from "./contact";
import type { SimContext } from "./context";

export interface LocalAdmin {
  ctx: SimContext;
  dataDir?: string;
  updateConfig(patch: ConnectLocalConfigPatch): ConnectLocalConfig;
  reset(): void;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function handleLocalRequest(admin: LocalAdmin, method: string, pathname: string, body: unknown): { status: number; body: unknown } {
  const key = `${method} ${pathname.replace(/\/+$/, "")}`;
  switch (key) {
    case "GET /_local/state":
      return { status: 200, body: state(admin) };
    case "GET /_local/contacts":
      return { status: 200, body: contacts(admin.ctx) };
    case "GET /_local/config":
      return { status: 200, body: admin.ctx.config };
    case "PUT /_local/config": {
      const parsed = configPatchSchema.safeParse(body ?? {});
      if (!parsed.success) throw new ApiError("InvalidRequestException", 400, `Invalid config: ${z.prettifyError(parsed.error)}`);
      return { status: 200, body: admin.updateConfig(parsed.data) };
    }
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

function contacts({ store, clock }: SimContext) {
  const now = clock.nowMs();
  return {
    contacts: [...store.contacts.values()].map((contact) => {
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
        initiatedAt: iso(contact.initiatedAtMs),
        lastUpdatedAt: iso(Math.max(contact.lastUpdatedAtMs, end?.atMs ?? 0)),
        expiresAt: iso(expiresAtMs(contact)),
        endedAt: iso(end?.atMs) ?? null,
        disconnectReason: end?.reason ?? null,
        request: contact.request,
      };
    }),
    events: store.events.map((event) => ({
      id: event.id,
      receivedAt: iso(event.receivedAtMs),
      instanceId: event.instanceId,
      contactId: event.contactId ?? null,
      newChatCreated: event.newChatCreated,
      outcome: event.outcome,
      request: event.request,
    })),
  };
}
