import "server-only";
// Whether a row's claimer has died, judged by its heartbeat (written by lib/dispatch/heartbeat.ts every HEARTBEAT_MS).
import { sql } from "drizzle-orm";
import { processHeartbeats as hb } from "@/lib/db/schema";

/** A heartbeat this old means its process is gone (five missed beats of two seconds: a slow query or a busy pool is not death). */
export const STALE_HEARTBEAT_MS = 10_000;

/**
 * True for a `sending` row whose claimer's heartbeat exists and is older than STALE_HEARTBEAT_MS. A claimer with no
 * heartbeat row at all (its first beat not written yet, or a process from before heartbeats) keeps its rows until
 * the lease runs out: only a heartbeat seen to stop proves a death.
 */
export const claimerIsGone = (claimedBy: unknown) =>
  sql`exists (select 1 from ${hb} where ${hb.id} = ${claimedBy} and ${hb.heartbeatAt} < now() - ${STALE_HEARTBEAT_MS}::double precision * interval '1 millisecond')`;
