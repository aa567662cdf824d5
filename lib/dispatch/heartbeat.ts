import "server-only";
// Every dispatcher says it is alive every couple of seconds (one upsert of its process_heartbeats row) and removes the
// row when it stops cleanly. A claim treats the `sending` rows of a dispatcher whose heartbeat went quiet as due, so
// the rows of a process that died are sent again within seconds instead of after their full lease (see
// lib/ledger/claimer-gone.ts).
import { lt, sql, eq } from "drizzle-orm";
import { processHeartbeats as hb } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { wakeableSleep } from "@/lib/background/wakeable-sleep";
import { errorSummary } from "@/lib/errors";

/** How often a live dispatcher writes its heartbeat. */
export const HEARTBEAT_MS = 2_000;
/** Rows of processes gone this long are deleted; by then every lease they held has run out anyway. */
const PRUNE_AFTER_MS = 60 * 60_000;
const PRUNE_EVERY_BEATS = 30;

export async function beat(db: Db, id: string): Promise<void> {
  await db
    .insert(hb)
    .values({ id })
    .onConflictDoUpdate({ target: hb.id, set: { heartbeatAt: sql`now()` } });
}

export async function removeHeartbeat(db: Db, id: string): Promise<void> {
  await db.delete(hb).where(eq(hb.id, id));
}

export async function pruneHeartbeats(db: Db, olderThanMs = PRUNE_AFTER_MS): Promise<number> {
  const gone = await db
    .delete(hb)
    .where(lt(hb.heartbeatAt, sql`now() - ${olderThanMs}::double precision * interval '1 millisecond'`))
    .returning({ id: hb.id });
  return gone.length;
}

export interface Heartbeat {
  /** Stops beating and deletes the row: call after the process's claims are all recorded. */
  stop(): Promise<void>;
}

export function startHeartbeat(db: Db, id: string, log: (line: string) => void, everyMs = HEARTBEAT_MS): Heartbeat {
  let stopping = false;
  const { sleep, wake } = wakeableSleep();
  const done = (async () => {
    let failures = 0;
    for (let n = 0; !stopping; n++) {
      try {
        await beat(db, id);
        if (failures > 0) log(`heartbeat written again after ${failures} failed attempt(s)`);
        failures = 0;
        if (n % PRUNE_EVERY_BEATS === 0) await pruneHeartbeats(db);
      } catch (err) {
        // The database is down or restarting: keep trying; the loop never ends the process.
        if (failures++ === 0) log(`heartbeat failed (${errorSummary(err)}); retrying`);
      }
      if (!stopping) await sleep(everyMs);
    }
  })();
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopping = true;
      wake();
      stopped ??= done.then(() => removeHeartbeat(db, id).catch((err: unknown) => log(`could not remove the heartbeat (${errorSummary(err)}); it ages out`)));
      return stopped;
    },
  };
}
