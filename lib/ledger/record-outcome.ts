import "server-only";
// Writes the result of one send to the ledger, only while the row is still this dispatcher's claim (same worker,
// same attempt, still sending). If the lease ran out and someone else took the row, our result is dropped: theirs
// carries the same ClientToken and therefore the same contact.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { campaignRecipients as r, campaigns, contacts, type CampaignRecipient } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { ConnectErrorInfo } from "@/lib/connect/types";

type Claimed = Pick<CampaignRecipient, "id" | "attempts">;

const stillMine = (row: Claimed, workerId: string) =>
  and(eq(r.id, row.id), eq(r.claimedBy, workerId), eq(r.attempts, row.attempts), eq(r.sendStatus, "sending"));

const released = { claimedBy: null, leaseUntil: null, updatedAt: sql`now()` };
// Whatever next happens to a row ends the wait it was in; only recordWait sets one.
const notWaiting = { waitKind: null, waitReason: null };

// Stored error texts stay bounded whatever a service answers.
const clip = (s: string) => s.slice(0, 2000);

async function update(db: Db, row: Claimed, workerId: string, set: PgUpdateSetSource<typeof r>): Promise<boolean> {
  const done = await db
    .update(r)
    .set({ ...notWaiting, ...set, ...released })
    .where(stillMine(row, workerId))
    .returning({ id: r.id });
  return done.length === 1;
}

/**
 * Marks the row sent and records its contact (see lib/contacts/record.ts) in one statement: the contact exists exactly
 * when the ledger says sent, at no extra round trip per send. A contact already known (its first origin wins) is kept.
 */
export async function recordSent(db: Db, row: Claimed, workerId: string, sent: { contactId: string; requestId?: string }): Promise<boolean> {
  const result = (await db.execute(sql`
    with sent as (
      update ${r}
      set send_status = 'sent', contact_id = ${sent.contactId}, aws_request_id = ${sent.requestId ?? null}, sent_at = now(), next_attempt_at = null,
          wait_kind = null, wait_reason = null, claimed_by = null, lease_until = null, updated_at = now()
      where ${stillMine(row, workerId)}
      returning id, campaign_id, phone, contact_id
    ), recorded as (
      insert into ${contacts} (contact_id, instance_id, channel, customer_phone, source_phone_number_arn, origin, campaign_id, recipient_id, created_by)
      select sent.contact_id, c.instance_id, c.channel, sent.phone, c.source_phone_number_arn, 'campaign', c.id, sent.id, 'system'
      from sent join ${campaigns} c on c.id = sent.campaign_id
      where sent.phone is not null
      on conflict (contact_id) do nothing
    )
    select id from sent`)) as unknown as { rows: unknown[] };
  return result.rows.length === 1;
}

/** Back to pending after `delayMs`; an attempt that says nothing about the recipient is given back. */
export function recordRetry(
  db: Db,
  row: Claimed,
  workerId: string,
  retry: { delayMs: number; countsAsAttempt: boolean; error: ConnectErrorInfo },
): Promise<boolean> {
  return update(db, row, workerId, {
    sendStatus: "pending",
    nextAttemptAt: sql`now() + ${retry.delayMs}::double precision * interval '1 millisecond'`,
    ...(retry.countsAsAttempt ? {} : { attempts: sql`greatest(${r.attempts} - 1, 0)` }),
    lastErrorName: retry.error.name,
    lastErrorMessage: clip(retry.error.message),
    awsRequestId: retry.error.requestId ?? null,
  });
}

export type WaitKind = NonNullable<CampaignRecipient["waitKind"]>;

/**
 * Back to pending until `delayMs` from now, waiting for its send window or a frequency cap: nothing was sent, so the
 * attempt is given back, and the last error is left as it was (a real earlier failure stays on the record); what the
 * row waits for is kept apart from it, in wait_kind and wait_reason.
 */
export function recordWait(db: Db, row: Claimed, workerId: string, wait: { kind: WaitKind; reason: string; delayMs: number }): Promise<boolean> {
  return update(db, row, workerId, {
    sendStatus: "pending",
    nextAttemptAt: sql`now() + ${wait.delayMs}::double precision * interval '1 millisecond'`,
    attempts: sql`greatest(${r.attempts} - 1, 0)`,
    waitKind: wait.kind,
    waitReason: clip(wait.reason),
  });
}

export function recordFailed(db: Db, row: Claimed, workerId: string, error: ConnectErrorInfo): Promise<boolean> {
  return update(db, row, workerId, {
    sendStatus: "failed",
    nextAttemptAt: null,
    lastErrorName: error.name,
    lastErrorMessage: clip(error.message),
    awsRequestId: error.requestId ?? null,
  });
}

/** Claimed rows that must not be sent after all (e.g. suppressed since launch). */
export async function recordSkipped(db: Db, rows: readonly Claimed[], workerId: string, reason: string): Promise<number> {
  if (rows.length === 0) return 0;
  const done = await db
    .update(r)
    .set({ sendStatus: "skipped", reason, nextAttemptAt: null, ...notWaiting, ...released })
    .where(
      and(
        inArray(
          r.id,
          rows.map((x) => x.id),
        ),
        eq(r.claimedBy, workerId),
        eq(r.sendStatus, "sending"),
      ),
    )
    .returning({ id: r.id });
  return done.length;
}
