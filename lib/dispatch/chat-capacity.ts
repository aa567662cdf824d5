import "server-only";
// Connect's LimitExceededException on a start means the instance has no chat slot free, not that we are too fast:
// the account rate stays, and the campaign waits just until one of its chats is due to end — its oldest chat still
// open, plus how long its chats last — then tries again. Slots freed early by a flow that disconnects are taken
// within moments instead of after a fixed pause.
import { sql } from "drizzle-orm";
import { chatLifetime } from "@/lib/campaigns/campaign-plan";
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import { observedFlowLifetime } from "@/lib/campaigns/plan-facts";
import { contacts } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { CampaignState } from "./campaign-state";
import type { DispatchContext } from "./dispatch-context";

export interface NextChatEnd {
  /** Milliseconds until the campaign's next chat is due to end. */
  inMs: number;
  /** Chats due to end within `withinMs` of that one: started together, they free their slots together. */
  ending: number;
}

/**
 * When the campaign's next chat is due to end: its oldest contact still open whose lifetime is not over. An open
 * contact past its lifetime has ended and not been checked yet (checks run minutes apart), so it frees nothing to
 * come. Undefined when no chat of the campaign is due to end.
 */
export async function nextChatEnd(db: Db, campaignId: string, lifetimeSeconds: number, withinMs: number): Promise<NextChatEnd | undefined> {
  const lifetime = sql`${lifetimeSeconds}::double precision * interval '1 second'`;
  const result = (await db.execute(sql`
    with due as (
      select ${contacts.createdAt} as created_at from ${contacts}
      where ${contacts.campaignId} = ${campaignId} and ${contacts.state} = 'open' and ${contacts.createdAt} > clock_timestamp() - ${lifetime}
    ), first as (select min(created_at) as at from due)
    select (extract(epoch from (first.at + ${lifetime} - clock_timestamp())) * 1000)::float8 as ms,
      (select count(*) from due where due.created_at <= first.at + ${withinMs}::double precision * interval '1 millisecond')::int as ending
    from first`)) as unknown as { rows: { ms: number | string | null; ending: number | string }[] };
  const row = result.rows[0];
  if (!row || row.ms === null) return undefined;
  return { inMs: Math.max(0, Number(row.ms)), ending: Number(row.ending) };
}

/** Seconds a chat of this campaign holds a slot, as its plan takes it: the user's word, else the flow's observed lifetime, else the duration. */
export async function campaignChatLifetime(db: Db, c: CampaignConfig): Promise<number> {
  const observed = c.flowEndsChatAfterSeconds === undefined ? await observedFlowLifetime(db, c.contactFlowId) : undefined;
  const facts = {
    channel: c.channel,
    chatDurationMinutes: c.chatDurationMinutes ?? 60,
    flowEndsChatAfterSeconds: c.flowEndsChatAfterSeconds,
    sendsPerSecond: c.sendsPerSecond,
  };
  return chatLifetime(facts, observed).seconds;
}

/** The lifetime, worked out again now and then: the flow's observed lifetime moves slowly. */
async function lifetimeSeconds(ctx: DispatchContext, st: CampaignState): Promise<number> {
  const now = Date.now();
  if (!st.lifetime || now - st.lifetime.readAtMs >= ctx.o.lifetimeRefreshMs) {
    st.lifetime = { seconds: await campaignChatLifetime(ctx.db, st.campaign.config), readAtMs: now };
  }
  return st.lifetime.seconds;
}

/** Between the floor and capacityRetryMs (the ceiling wins); about a second when no chat of the campaign is known to be ending. */
export function capacityWaitMs(
  untilEndMs: number | undefined,
  o: Pick<DispatchContext["o"], "capacityRetryMs" | "capacityFloorMs" | "capacityUnknownMs">,
): number {
  return Math.min(o.capacityRetryMs, Math.max(o.capacityFloorMs, untilEndMs ?? o.capacityUnknownMs));
}

export interface CapacityWait {
  /** When (this process's clock) the campaign may try for a slot again. */
  untilMs: number;
  /** Slots of its own chats due to free by then. */
  dueToFree: number;
}

/** Worked out once for the refusals of one batch, which arrive together. */
export function chatCapacityWait(ctx: DispatchContext, st: CampaignState): Promise<CapacityWait> {
  const now = Date.now();
  if (st.capacityWait && now - st.capacityWait.atMs < Math.min(ctx.o.capacityFloorMs, ctx.o.capacityRetryMs)) return st.capacityWait.wait;
  const wait = (async () => {
    const next = await nextChatEnd(ctx.db, st.campaign.id, await lifetimeSeconds(ctx, st), ctx.o.capacityFloorMs);
    const waitMs = capacityWaitMs(next?.inMs, ctx.o);
    // Measured from after the query: waking early only earns another refusal. A wait cut short by capacityRetryMs
    // ends before any chat does: nothing is due to free then.
    return { untilMs: Date.now() + waitMs, dueToFree: next && waitMs >= next.inMs ? next.ending : 0 };
  })();
  st.capacityWait = { atMs: now, wait };
  return wait;
}
