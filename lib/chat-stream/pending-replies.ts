import "server-only";
// Applies streamed customer messages as replies once they are past the reply grace (store.ts keeps them as
// reply_pending until then). Every process that receives the stream runs the sweep; rows are claimed with SKIP
// LOCKED, so two processes never apply the same message, and in the order SNS published them, so a STOP followed by a
// START in one chat ends opted in. A batch is one transaction: if it fails, its rows stay pending for the next sweep.
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { chatStreamItems } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { applyItem } from "./apply";
import { REPLY_GRACE_MS } from "./reply-grace";

const BATCH = 100;

/** Applies the replies now due; answers how many were applied (0 when none were due). */
export async function applyDueReplies(db: Db, opts: { nowMs?: number; replyGraceMs?: number; batch?: number } = {}): Promise<number> {
  const dueBefore = new Date((opts.nowMs ?? Date.now()) - (opts.replyGraceMs ?? REPLY_GRACE_MS));
  return db.transaction(async (tx) => {
    const claimed = await tx
      .select({ id: chatStreamItems.id })
      .from(chatStreamItems)
      .where(and(eq(chatStreamItems.effect, "reply_pending"), lte(chatStreamItems.publishedAt, dueBefore)))
      .orderBy(asc(chatStreamItems.publishedAt), asc(chatStreamItems.id))
      .limit(opts.batch ?? BATCH)
      .for("update", { skipLocked: true });
    if (claimed.length === 0) return 0;
    const rows = await tx
      .select()
      .from(chatStreamItems)
      .where(
        inArray(
          chatStreamItems.id,
          claimed.map((c) => c.id),
        ),
      )
      .orderBy(asc(chatStreamItems.publishedAt), asc(chatStreamItems.absoluteTime), asc(chatStreamItems.id));
    for (const row of rows) {
      const applied = await applyItem(tx, row, row.publishedAt ?? row.receivedAt);
      await tx
        .update(chatStreamItems)
        .set({ effect: applied.effect, matchedChatEventId: applied.matchedChatEventId ?? null })
        .where(eq(chatStreamItems.id, row.id));
    }
    return rows.length;
  });
}

export interface ReplySweep {
  stop(): Promise<void>;
}

/** Sweeps every `intervalMs` (and again at once while batches come back full) until stopped. */
export function startReplySweep(config: { db: Db; intervalMs?: number; replyGraceMs?: number; log?: (line: string) => void }): ReplySweep {
  const log = config.log ?? ((line: string) => console.log(`[chat-stream] ${line}`));
  const intervalMs = config.intervalMs ?? 1_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const done = (async () => {
    let failures = 0;
    while (!stopped) {
      let full = false;
      try {
        full = (await applyDueReplies(config.db, { replyGraceMs: config.replyGraceMs })) === BATCH;
        failures = 0;
      } catch (err) {
        failures += 1;
        // Once per run of failures: the database being away is logged by whoever notices first.
        if (failures === 1) log(`applying streamed replies failed: ${err instanceof Error ? err.message : String(err)}; they stay pending`);
      }
      if (stopped) break;
      if (full) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, intervalMs * Math.min(30, 2 ** Math.min(failures, 5)));
      });
    }
  })();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      return done;
    },
  };
}
