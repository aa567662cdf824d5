import "server-only";
// Forwarding inbound messages to Connect, strictly in order per chat (integration + customer number). Only the head
// of a chat (its oldest queued message) is ever sent, and only by whoever claimed it: the claim is one conditional
// UPDATE that locks the head row and leases it (next_attempt_at moves past the Connect call), so the route and any
// number of forwarder loops, in one process or many, never send a message twice or overtake it. The call to Connect
// happens outside any transaction; the outcome is recorded only while the lease is still ours.
import { and, asc, eq, inArray, isNull, lt, lte, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { SYSTEM_ACTOR, type AuditActor } from "@/lib/audit/context";
import { classifyConnectError } from "@/lib/connect/classify-error";
import type { ConnectGateway } from "@/lib/connect/gateway";
import type { ConnectErrorInfo } from "@/lib/connect/types";
import { recordContact } from "@/lib/contacts/record";
import { chatEvents, inboundIntegrations, inboundMessages as m, type InboundIntegration, type InboundMessage } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { applyCustomerMessage } from "@/lib/replies/apply";
import { chatEventFor } from "./chat-event";
import { DEFAULT_FORWARD_RETRY, decideForwardRetry, type ForwardRetryOptions } from "./retry-policy";

/** Longer than a gateway call can take with the SDK's own retries (3 × 15 s), so a lease never ends mid-call. */
export const DEFAULT_LEASE_MS = 120_000;

export interface ChatKey {
  integrationId: string;
  fromPhone: string;
}

export interface ForwardDeps {
  db: Db;
  gateway: ConnectGateway;
  leaseMs?: number;
  retry?: ForwardRetryOptions;
  random?: () => number;
}

export type ForwardOutcome =
  | { status: "forwarded"; message: InboundMessage }
  | { status: "queued"; message: InboundMessage; error: ConnectErrorInfo }
  | { status: "failed"; message: InboundMessage; error: ConnectErrorInfo }
  /** Another forwarder took the message over after our lease ran out; it decides what happens. */
  | { status: "lost"; message: InboundMessage };

const due = () => or(isNull(m.nextAttemptAt), lte(m.nextAttemptAt, sql`now()`));

/**
 * Claims the chat's head if it is due (and, given `onlyId`, only if the head is that message). A concurrent claimer
 * waits on the row lock, then sees the lease and takes nothing.
 */
export async function claimChatHead(db: Db, chat: ChatKey, leaseMs: number, onlyId?: number): Promise<InboundMessage | undefined> {
  const head = db
    .select({ id: m.id })
    .from(m)
    .where(and(eq(m.integrationId, chat.integrationId), eq(m.fromPhone, chat.fromPhone), eq(m.status, "queued")))
    .orderBy(asc(m.id))
    .limit(1)
    .for("update");
  const [row] = await db
    .update(m)
    .set({ attempts: sql`${m.attempts} + 1`, nextAttemptAt: sql`now() + ${leaseMs}::double precision * interval '1 millisecond'` })
    .where(and(inArray(m.id, head), due(), onlyId === undefined ? undefined : eq(m.id, onlyId)))
    .returning();
  return row;
}

/** The claim is still ours: nobody re-claimed the row (which would have counted another attempt) or finished it. */
const stillOurs = (claimed: InboundMessage) => and(eq(m.id, claimed.id), eq(m.status, "queued"), eq(m.attempts, claimed.attempts));

const actorFor = (integration: InboundIntegration): AuditActor => ({ ...SYSTEM_ACTOR, actorEmail: `inbound:${integration.name}` });

function eventRow(integration: InboundIntegration, claimed: InboundMessage) {
  const input = chatEventFor(integration, claimed);
  return {
    origin: "inbound",
    actorEmail: `inbound:${integration.name}`,
    integrationId: integration.id,
    inboundMessageId: claimed.id,
    instanceId: integration.instanceId,
    channel: integration.channel,
    sourceId: input.sourceId,
    destinationId: input.destinationId,
    destinationPhone: integration.phoneNumber,
    destinationPhoneNumberArn: integration.phoneNumberArn,
    eventType: input.event.type,
    contentType: input.event.contentType ?? null,
    content: input.event.content ?? null,
    newSession: input.newSession ?? null,
  };
}

async function recordForwarded(
  db: Db,
  integration: InboundIntegration,
  claimed: InboundMessage,
  result: { contactId?: string; newChatCreated: boolean; requestId?: string },
) {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(m)
      .set({ status: "forwarded", forwardedAt: sql`now()`, nextAttemptAt: null, contactId: result.contactId ?? null, newChatCreated: result.newChatCreated })
      .where(stillOurs(claimed))
      .returning();
    if (!done) return undefined;
    const effects =
      claimed.type === "message"
        ? await applyCustomerMessage(tx, actorFor(integration), {
            customerPhone: claimed.fromPhone,
            sourcePhoneNumberArn: integration.phoneNumberArn,
            text: claimed.text,
            via: `inbound "${integration.name}"`,
          })
        : null;
    if (result.contactId) {
      await recordContact(tx, {
        contactId: result.contactId,
        instanceId: integration.instanceId,
        channel: integration.channel,
        customerPhone: claimed.fromPhone,
        sourcePhone: integration.phoneNumber,
        sourcePhoneNumberArn: integration.phoneNumberArn,
        origin: "inbound",
        campaignId: effects?.recipient?.campaignId ?? null,
        recipientId: effects?.recipient?.recipientId ?? null,
        createdBy: `inbound:${integration.name}`,
      });
    }
    await tx.insert(chatEvents).values({
      ...eventRow(integration, claimed),
      status: "sent",
      contactId: result.contactId ?? null,
      newChatCreated: result.newChatCreated,
      requestId: result.requestId ?? null,
    });
    if (!effects?.recipient && !effects?.optOut) return done;
    const [linked] = await tx
      .update(m)
      .set({ campaignId: effects?.recipient?.campaignId ?? null, recipientId: effects?.recipient?.recipientId ?? null, optOut: effects?.optOut ?? null })
      .where(eq(m.id, done.id))
      .returning();
    return linked;
  });
}

async function recordFailure(deps: ForwardDeps, integration: InboundIntegration, claimed: InboundMessage, error: ConnectErrorInfo): Promise<ForwardOutcome> {
  const decision = decideForwardRetry(error.kind, claimed.attempts, deps.retry ?? DEFAULT_FORWARD_RETRY, deps.random);
  const lastError = { lastErrorName: error.name.slice(0, 200), lastErrorMessage: error.message.slice(0, 2000) };
  if (decision.kind === "retry") {
    const [row] = await deps.db
      .update(m)
      .set({ ...lastError, nextAttemptAt: sql`now() + ${decision.delayMs}::double precision * interval '1 millisecond'` })
      .where(stillOurs(claimed))
      .returning();
    return row ? { status: "queued", message: row, error } : { status: "lost", message: claimed };
  }
  const failed = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(m)
      .set({ ...lastError, status: "failed", nextAttemptAt: null })
      .where(stillOurs(claimed))
      .returning();
    if (!row) return undefined;
    await tx
      .insert(chatEvents)
      .values({ ...eventRow(integration, claimed), status: "failed", errorName: error.name, errorMessage: error.message, requestId: error.requestId ?? null });
    return row;
  });
  return failed ? { status: "failed", message: failed, error } : { status: "lost", message: claimed };
}

/** Sends one claimed message and records what happened. */
export async function forwardClaimed(deps: ForwardDeps, claimed: InboundMessage): Promise<ForwardOutcome> {
  const [integration] = await deps.db.select().from(inboundIntegrations).where(eq(inboundIntegrations.id, claimed.integrationId));
  // Deleted while the message was in flight: its messages went with it.
  if (!integration) return { status: "lost", message: claimed };
  let result;
  try {
    result = await deps.gateway.sendChatIntegrationEvent(chatEventFor(integration, claimed));
  } catch (err) {
    return recordFailure(deps, integration, claimed, classifyConnectError(err));
  }
  const done = await recordForwarded(deps.db, integration, claimed, {
    contactId: result.initialContactId,
    newChatCreated: result.newChatCreated,
    requestId: result.requestId,
  });
  return done ? { status: "forwarded", message: done } : { status: "lost", message: claimed };
}

/** Forwards the chat's head if it is due; undefined when there was nothing this caller could send. */
export async function forwardChatHead(deps: ForwardDeps, chat: ChatKey, onlyId?: number): Promise<ForwardOutcome | undefined> {
  const claimed = await claimChatHead(deps.db, chat, deps.leaseMs ?? DEFAULT_LEASE_MS, onlyId);
  return claimed ? forwardClaimed(deps, claimed) : undefined;
}

/** Chats whose head is due, oldest first. */
export async function dueChats(db: Db, limit: number): Promise<ChatKey[]> {
  const older = alias(m, "older");
  const earlierQueued = db
    .select({ one: sql`1` })
    .from(older)
    .where(and(eq(older.integrationId, m.integrationId), eq(older.fromPhone, m.fromPhone), eq(older.status, "queued"), lt(older.id, m.id)));
  return db
    .select({ integrationId: m.integrationId, fromPhone: m.fromPhone })
    .from(m)
    .where(and(eq(m.status, "queued"), due(), notExists(earlierQueued)))
    .orderBy(asc(m.id))
    .limit(limit);
}

/**
 * Works through one chat while it makes progress: each forwarded or failed message lets the next one go at once.
 * Stops at a message that must wait, or after `max` messages so one busy chat cannot hold a pass for long.
 */
export async function drainChat(deps: ForwardDeps, chat: ChatKey, max: number): Promise<number> {
  let handled = 0;
  while (handled < max) {
    const outcome = await forwardChatHead(deps, chat);
    if (!outcome) break;
    handled += 1;
    if (outcome.status === "queued" || outcome.status === "lost") break;
  }
  return handled;
}
