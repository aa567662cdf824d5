import "server-only";
// Reading inbound integrations, their messages and their rejections. The signing secret never leaves this module's
// callers in clear: `publicIntegration` is what lists, routes and audit entries show.
import { and, count, desc, eq, isNotNull, lt, max, type SQL } from "drizzle-orm";
import { decodeCursor, encodeCursor } from "@/lib/paging/keyset-cursor";
import { inboundIntegrations, inboundMessages, inboundRejections, type InboundIntegration, type InboundMessage } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { toStorable } from "@/lib/text/safe-text";
import { admitRejection, pruneRejectionsIfDue } from "./rejection-cap";
import type { InboundListFilter, InboundStatus } from "./schemas";
import { describeError } from "@/lib/errors";
import { logEvent } from "@/lib/log/event";

export async function findIntegration(db: Db, id: string): Promise<InboundIntegration | undefined> {
  const [row] = await db.select().from(inboundIntegrations).where(eq(inboundIntegrations.id, id));
  return row;
}

export function publicIntegration(i: InboundIntegration) {
  return {
    id: i.id,
    name: i.name,
    channel: i.channel,
    instanceId: i.instanceId,
    phoneNumberArn: i.phoneNumberArn,
    phoneNumber: i.phoneNumber,
    destinationArn: i.destinationArn,
    secretPrefix: i.secretPrefix,
    createdBy: i.createdBy,
    createdAt: i.createdAt.toISOString(),
    disabledAt: i.disabledAt?.toISOString() ?? null,
  };
}
export type PublicIntegration = ReturnType<typeof publicIntegration>;

export interface IntegrationStats {
  counts: Record<InboundStatus, number>;
  lastReceivedAt: string | null;
  /** The oldest message still waiting after a failed attempt: why forwarding is held, until when. */
  held: { name: string; message: string; attempts: number; nextAttemptAt: string | null } | null;
}

export type IntegrationListItem = PublicIntegration & IntegrationStats;

export async function listIntegrations(db: Db): Promise<IntegrationListItem[]> {
  const rows = await db.select().from(inboundIntegrations).orderBy(desc(inboundIntegrations.createdAt));
  const counts = await db
    .select({ integrationId: inboundMessages.integrationId, status: inboundMessages.status, n: count(), last: max(inboundMessages.receivedAt) })
    .from(inboundMessages)
    .groupBy(inboundMessages.integrationId, inboundMessages.status);
  const held = await db
    .selectDistinctOn([inboundMessages.integrationId], {
      integrationId: inboundMessages.integrationId,
      name: inboundMessages.lastErrorName,
      message: inboundMessages.lastErrorMessage,
      attempts: inboundMessages.attempts,
      nextAttemptAt: inboundMessages.nextAttemptAt,
    })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.status, "queued"), isNotNull(inboundMessages.lastErrorName)))
    .orderBy(inboundMessages.integrationId, inboundMessages.id);
  return rows.map((row) => {
    const mine = counts.filter((c) => c.integrationId === row.id);
    const last = mine.reduce<Date | null>((acc, c) => (c.last && (!acc || new Date(c.last) > acc) ? new Date(c.last) : acc), null);
    const h = held.find((x) => x.integrationId === row.id);
    return {
      ...publicIntegration(row),
      counts: {
        queued: mine.find((c) => c.status === "queued")?.n ?? 0,
        forwarded: mine.find((c) => c.status === "forwarded")?.n ?? 0,
        failed: mine.find((c) => c.status === "failed")?.n ?? 0,
      },
      lastReceivedAt: last?.toISOString() ?? null,
      held: h ? { name: h.name ?? "Error", message: h.message ?? "", attempts: h.attempts, nextAttemptAt: h.nextAttemptAt?.toISOString() ?? null } : null,
    };
  });
}

export async function queuedCount(db: Db, integrationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.integrationId, integrationId), eq(inboundMessages.status, "queued")));
  return row?.n ?? 0;
}

const EXCERPT_CHARS = 500;

/**
 * Keeps a refused request, within the per-integration cap of rejection-cap.ts (past it, the request is only counted),
 * and now and then deletes rejections past their retention. `nowMs` paces the deleting.
 */
export async function recordRejection(
  db: Db,
  r: { integrationId: string | null; reason: string; ip: string | null; body: string | null },
  nowMs = Date.now(),
): Promise<void> {
  // A refused body may hold NUL or half a surrogate pair (PostgreSQL refuses both); the excerpt shows them as U+FFFD.
  const excerpt = r.body === null ? null : toStorable(r.body.length > EXCERPT_CHARS ? `${r.body.slice(0, EXCERPT_CHARS)}…` : r.body);
  await db.transaction(async (tx) => {
    if (!(await admitRejection(tx, r)).keep) return;
    await tx.insert(inboundRejections).values({
      integrationId: r.integrationId,
      reason: toStorable(r.reason.slice(0, 1000)),
      ip: r.ip ? toStorable(r.ip.slice(0, 100)) : null,
      bodyExcerpt: excerpt,
    });
  });
  try {
    await pruneRejectionsIfDue(db, nowMs);
  } catch (err) {
    // Housekeeping: the refusal is already recorded and its answer must not change; the next hour tries again.
    logEvent({ level: "error", event: "inbound_rejection_prune_failed", ...describeError(err) });
  }
}

export function publicMessage(m: InboundMessage) {
  return {
    id: m.id,
    integrationId: m.integrationId,
    messageId: m.messageId,
    receivedAt: m.receivedAt.toISOString(),
    providerTimestamp: m.providerTimestamp?.toISOString() ?? null,
    fromPhone: m.fromPhone,
    toPhone: m.toPhone,
    type: m.type,
    text: m.text,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
    lastErrorName: m.lastErrorName,
    lastErrorMessage: m.lastErrorMessage,
    forwardedAt: m.forwardedAt?.toISOString() ?? null,
    contactId: m.contactId,
    newChatCreated: m.newChatCreated,
    campaignId: m.campaignId,
    recipientId: m.recipientId,
    optOut: m.optOut,
  };
}
export type PublicMessage = ReturnType<typeof publicMessage>;

export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}

/** Newest first, keyset on the id: a page never repeats or skips a row as new ones arrive. */
function afterCursor(idColumn: typeof inboundMessages.id | typeof inboundRejections.id, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [id] = decodeCursor(cursor, ["n"]);
  return lt(idColumn, id as number);
}

export async function listMessages(db: Db, f: InboundListFilter): Promise<Page<PublicMessage>> {
  const rows = await db
    .select()
    .from(inboundMessages)
    .where(
      and(
        f.integration ? eq(inboundMessages.integrationId, f.integration) : undefined,
        f.status ? eq(inboundMessages.status, f.status) : undefined,
        afterCursor(inboundMessages.id, f.cursor),
      ),
    )
    .orderBy(desc(inboundMessages.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  return { rows: page.map(publicMessage), nextCursor: rows.length > f.limit ? encodeCursor([page.at(-1)!.id]) : null };
}

export async function listRejections(db: Db, f: InboundListFilter) {
  const rows = await db
    .select()
    .from(inboundRejections)
    .where(and(f.integration ? eq(inboundRejections.integrationId, f.integration) : undefined, afterCursor(inboundRejections.id, f.cursor)))
    .orderBy(desc(inboundRejections.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  return {
    rows: page.map((r) => ({
      id: r.id,
      integrationId: r.integrationId,
      receivedAt: r.receivedAt.toISOString(),
      reason: r.reason,
      ip: r.ip,
      bodyExcerpt: r.bodyExcerpt,
    })),
    nextCursor: rows.length > f.limit ? encodeCursor([page.at(-1)!.id]) : null,
  };
}
export type PublicRejection = Awaited<ReturnType<typeof listRejections>>["rows"][number];
