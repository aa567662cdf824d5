import "server-only";
// Reconciliation: asks Connect (DescribeContact) what became of the chats the console created or joined, so the
// console knows which are still open. Paced by the account's token bucket, which campaign sends share, and by a bucket
// of its own capped to a small share of that rate; a throttled answer ends the round and slows the account down.
import { eq, sql } from "drizzle-orm";
import { classifyConnectError } from "@/lib/connect/classify-error";
import type { ConnectGateway } from "@/lib/connect/gateway";
import type { ContactDetails } from "@/lib/connect/types";
import { contacts, type Contact } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { configuredAccountRate } from "@/lib/settings/account-rate";
import { acquire, onThrottled, refund } from "@/lib/dispatch/rate-limiter";
import { claimDueContacts, hasDueContacts, releaseContacts } from "./reconcile-claim";
import { accountBucket, reconcileBucket, type ReconcileOptions } from "./reconcile-options";

const NOT_FOUND = new Set(["ResourceNotFoundException", "ContactNotFoundException"]);

export type CheckOutcome = "open" | "ended" | "unknown" | "error" | "throttled";

/**
 * What DescribeContact said, as the row keeps it. The SystemEndpoint only fills a source number not yet known.
 * An ended contact stays ended: the chat stream (or StopContact) may have recorded the end while the call was on its
 * way, or Connect may answer with data older than the end, and no chat comes back once ended. Of two end times the
 * earliest is kept, with the reason first recorded.
 */
async function saveDescribed(db: Db, contact: Contact, d: ContactDetails): Promise<"open" | "ended"> {
  const endedAt = d.disconnectedAt ? d.disconnectedAt.toISOString() : null;
  const [saved] = await db
    .update(contacts)
    .set({
      state: endedAt ? "ended" : sql`case when ${contacts.state} = 'ended' then ${contacts.state} else 'open' end`,
      initiationMethod: d.initiationMethod ?? null,
      initiatedAt: d.initiatedAt ?? null,
      disconnectedAt: endedAt
        ? sql`least(${contacts.disconnectedAt}, ${endedAt}::timestamptz)`
        : sql`case when ${contacts.state} = 'ended' then ${contacts.disconnectedAt} end`,
      disconnectReason: sql`case when ${contacts.state} = 'ended' then coalesce(${contacts.disconnectReason}, ${d.disconnectReason ?? null}) else ${d.disconnectReason ?? null} end`,
      sourcePhone: sql`coalesce(${contacts.sourcePhone}, ${d.systemAddress ?? null})`,
      details: d,
      lastCheckedAt: sql`now()`,
      checkError: null,
    })
    .where(eq(contacts.contactId, contact.contactId))
    .returning({ state: contacts.state });
  return saved?.state === "ended" ? "ended" : "open";
}

async function saveCheckError(db: Db, contact: Contact, checkError: string, unknown: boolean): Promise<void> {
  await db
    .update(contacts)
    // Connect forgetting a chat the console saw end does not make its end unknown.
    .set({
      ...(unknown ? { state: sql`case when ${contacts.state} = 'ended' then ${contacts.state} else 'unknown' end` } : {}),
      checkError,
      lastCheckedAt: sql`now()`,
    })
    .where(eq(contacts.contactId, contact.contactId));
}

/** Checks one contact; the row is updated unless Connect throttled the call (then it is for the caller to release). */
export async function checkContact(db: Db, gateway: ConnectGateway, contact: Contact): Promise<CheckOutcome> {
  let details: ContactDetails;
  try {
    details = await gateway.describeContact(contact.instanceId, contact.contactId);
  } catch (err) {
    const e = classifyConnectError(err);
    if (e.kind === "throttled") return "throttled";
    const rid = e.requestId ? ` (AWS request id ${e.requestId})` : "";
    if (NOT_FOUND.has(e.name)) {
      await saveCheckError(db, contact, `Connect does not know this contact in instance ${contact.instanceId}: ${e.name}: ${e.message}${rid}`, true);
      return "unknown";
    }
    await saveCheckError(db, contact, `DescribeContact failed: ${e.name}: ${e.message}${rid}`, false);
    return "error";
  }
  return saveDescribed(db, contact, details);
}

export interface RoundResult {
  /** DescribeContact calls made (throttled ones included). */
  calls: number;
  outcomes: Record<CheckOutcome, number>;
  throttled: boolean;
  /** The account rate after throttling, when the round was throttled. */
  accountRateAfterThrottle?: number;
}

export interface RoundDeps {
  db: Db;
  gateway: ConnectGateway;
  o: ReconcileOptions;
  /** Checked between contacts: a stopping process ends its round without starting another call. */
  shouldStop?: () => boolean;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One round: up to batchSize due contacts, each checked only after a token was taken from both the account bucket and
 * reconciliation's own. Waits for tokens while the round's time budget lasts; what is left waits for the next round.
 */
export async function reconcileRound({ db, gateway, o, shouldStop = () => false, sleep = defaultSleep }: RoundDeps): Promise<RoundResult> {
  const result: RoundResult = { calls: 0, outcomes: { open: 0, ended: 0, unknown: 0, error: 0, throttled: 0 }, throttled: false };
  // One cheap probe first: an idle round takes no tokens and locks no bucket the dispatcher is using.
  if (!(await hasDueContacts(db, o))) return result;
  const accountRate = await configuredAccountRate(db, o.accountSendsPerSecond);
  const account = accountBucket(o.limiterKey, accountRate);
  const buckets = [account, reconcileBucket(o, accountRate)];
  const deadline = Date.now() + o.roundBudgetMs;

  while (result.calls < o.batchSize && !shouldStop()) {
    const got = await acquire(db, buckets, Math.min(o.claimSize, o.batchSize - result.calls));
    if (got.granted === 0) {
      // Wait for a token only while the round has time left and there is still something to check.
      if (Date.now() + got.waitMs > deadline || !(await hasDueContacts(db, o))) break;
      await sleep(got.waitMs);
      continue;
    }
    const claimed = await claimDueContacts(db, got.granted, o);
    await refund(db, buckets, got.granted - claimed.length);
    if (claimed.length === 0) break;
    for (let i = 0; i < claimed.length; i++) {
      if (shouldStop()) {
        await releaseContacts(db, claimed.slice(i));
        await refund(db, buckets, claimed.length - i);
        return result;
      }
      const outcome = await checkContact(db, gateway, claimed[i]!.contact);
      result.calls += 1;
      result.outcomes[outcome] += 1;
      if (outcome === "throttled") {
        // Connect's bucket is empty: so is ours now (onThrottled), and the contacts not checked go back to the front.
        await releaseContacts(db, claimed.slice(i));
        result.throttled = true;
        result.accountRateAfterThrottle = await onThrottled(db, account, o.minSendsPerSecond);
        return result;
      }
    }
  }
  return result;
}
