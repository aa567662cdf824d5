import "server-only";
// Which contacts still need their chat streamed, and what came of starting it. Claiming moves a contact's next attempt
// a lease ahead in the same statement that locked it (SKIP LOCKED), so processes running rounds at the same moment take
// different contacts, and a process that dies mid-call leaves its contacts to be claimed again once the lease is over.
// Every later write names the lease it belongs to: a call that outlived its lease cannot overwrite what the process
// that claimed the contact next recorded.
import { and, eq, sql } from "drizzle-orm";
import { contacts } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export interface StreamClaim {
  contactId: string;
  instanceId: string;
  topicArn: string;
  /** This attempt's number, from 1. */
  attempt: number;
  /** The lease's end as PostgreSQL's text (microseconds kept): the claim's identity. */
  lease: string;
}

export interface StreamClaimOptions {
  instanceId: string;
  topicArn: string;
  limit: number;
  /** Contacts created longer ago than this are left alone. */
  maxAgeMs: number;
  /** How long a claimed contact is not claimed again; longer than one call can take. */
  leaseMs: number;
}

const ms = (n: number) => sql`${n}::double precision * interval '1 millisecond'`;

/**
 * Claims up to `limit` of the instance's open contacts created within maxAgeMs that were never tried, or whose next
 * attempt is due, oldest first. The conditions repeat contacts_stream_due_idx's, so only that index is read.
 */
export async function claimStreamDue(db: Db, o: StreamClaimOptions): Promise<StreamClaim[]> {
  if (o.limit <= 0) return [];
  const result = (await db.execute(sql`
    with due as (
      select ${contacts.contactId} as id from ${contacts}
      where ${contacts.instanceId} = ${o.instanceId}
        and ${contacts.state} = 'open' and (${contacts.streamStatus} is null or ${contacts.streamStatus} = 'pending')
        and ${contacts.createdAt} > now() - ${ms(o.maxAgeMs)}
        and (${contacts.streamNextAttemptAt} is null or ${contacts.streamNextAttemptAt} <= now())
      order by ${contacts.createdAt}
      limit ${o.limit}
      for update skip locked
    )
    update ${contacts} set
      stream_status = 'pending',
      stream_topic_arn = ${o.topicArn},
      stream_attempts = ${contacts.streamAttempts} + 1,
      stream_next_attempt_at = now() + ${ms(o.leaseMs)}
    from due where ${contacts.contactId} = due.id
    returning ${contacts.contactId} as contact_id, ${contacts.instanceId} as instance_id, ${contacts.streamAttempts} as stream_attempts,
      ${contacts.streamNextAttemptAt}::text as lease
  `)) as unknown as { rows: { contact_id: string; instance_id: string; stream_attempts: number | string; lease: string }[] };
  return result.rows.map((r) => ({
    contactId: r.contact_id,
    instanceId: r.instance_id,
    topicArn: o.topicArn,
    attempt: Number(r.stream_attempts),
    lease: r.lease,
  }));
}

const stillClaimed = (c: StreamClaim) =>
  and(eq(contacts.contactId, c.contactId), eq(contacts.streamStatus, "pending"), sql`${contacts.streamNextAttemptAt} = cast(${c.lease} as timestamptz)`);

/** Connect streams the chat: done. True when this claim was still the contact's. */
export async function recordStreamStarted(db: Db, c: StreamClaim, streamingId: string): Promise<boolean> {
  const rows = await db
    .update(contacts)
    .set({ streamStatus: "started", streamingId, streamTopicArn: c.topicArn, streamNextAttemptAt: null, streamError: null })
    .where(stillClaimed(c))
    .returning({ id: contacts.contactId });
  return rows.length === 1;
}

export type StreamFailure =
  /** Counted against the contact: tried again after `retryInMs`, or given up when that is null. */
  | { kind: "attempt"; error: string; retryInMs: number | null }
  /** Not the contact's doing (Connect throttled, or refused every call alike): this attempt is not counted. */
  | { kind: "not-counted"; error: string; retryInMs: number };

/** The attempt failed: the error is kept, and the contact is either due again after the delay (database time) or given up. */
export async function recordStreamFailed(db: Db, c: StreamClaim, failure: StreamFailure): Promise<boolean> {
  const retryInMs = failure.retryInMs;
  const givenUp = retryInMs === null;
  const rows = await db
    .update(contacts)
    .set({
      streamStatus: givenUp ? "failed" : "pending",
      streamNextAttemptAt: retryInMs === null ? null : sql`now() + ${ms(retryInMs)}`,
      streamError: failure.error,
      ...(failure.kind === "not-counted" ? { streamAttempts: sql`greatest(${contacts.streamAttempts} - 1, 0)` } : {}),
    })
    .where(stillClaimed(c))
    .returning({ id: contacts.contactId });
  return rows.length === 1;
}

/** Puts a claimed contact back untried (the round stopped before calling): due at once, the attempt not counted. */
export async function releaseStreamClaim(db: Db, c: StreamClaim): Promise<void> {
  await db
    .update(contacts)
    .set({ streamNextAttemptAt: null, streamAttempts: sql`greatest(${contacts.streamAttempts} - 1, 0)` })
    .where(stillClaimed(c));
}
