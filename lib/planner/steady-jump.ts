// Skips whole periods of a binding pool. When a pool has been full for one whole delay, every send in it reusing a slot
// that came back (sending exactly as fast as slots return), and nothing outside changed, then each pool's state is what
// it was one delay ago: the last `delay` seconds repeat until something outside changes (a window, a campaign starting
// or finishing, a pool with a longer memory filling). A million recipients against a small chat quota, or a WhatsApp
// limit binding day after day, would otherwise take tens of thousands of steps.
import type { SlotPool } from "./slot-pool";

export interface JumpState {
  t: number;
  left: number;
  accountRate: number;
  pools: SlotPool[];
  /** Per pool: since when it has bound without a break while nothing outside changed (NaN: it does not bind now). */
  steadySince: Float64Array;
  /** Recipients other campaigns have left, and when they start; those sending take whatever of the account rate we leave. */
  othersLeft: number[];
  othersStart: readonly number[];
  /** The next window boundary or campaign start. */
  nextExternal: number;
}

export interface Jump {
  to: number;
  sent: number;
  pool: SlotPool;
}

// Periods that fit while leaving some of `amount` (up to one period's worth) to the exact run; rounding dust in
// `amount` must not count as one more period.
const wholePeriods = (amount: number, perPeriod: number) => Math.ceil(amount / perPeriod - 1e-9) - 1;

export function trySteadyJump(s: JumpState): Jump | null {
  for (let p = 0; p < s.pools.length; p++) {
    const pool = s.pools[p]!;
    if (!(s.t - s.steadySince[p]! >= pool.delay) || pool.held <= 0) continue;
    const jump = jumpWith(s, pool);
    if (jump) return jump;
  }
  return null;
}

function jumpWith(s: JumpState, pool: SlotPool): Jump | null {
  // Everything the pool holds came in during the last period and comes back during the next: a period sends that much.
  const perPeriod = pool.held;
  let periods = Math.min(wholePeriods(s.left, perPeriod), Math.floor((s.nextExternal - s.t) / pool.delay));
  let sending = 0;
  for (let i = 0; i < s.othersLeft.length; i++) if (s.othersLeft[i]! > 0 && s.othersStart[i]! <= s.t) sending++;
  const othersPerPeriod = sending > 0 ? (s.accountRate * pool.delay - perPeriod) / sending : 0;
  // Leave our last period, and each other campaign's, to the exact run, so finishes land where the waves put them.
  for (let i = 0; i < s.othersLeft.length && othersPerPeriod > 0; i++) {
    if (s.othersLeft[i]! > 0 && s.othersStart[i]! <= s.t) periods = Math.min(periods, wholePeriods(s.othersLeft[i]!, othersPerPeriod));
  }
  for (const other of s.pools) {
    if (other === pool || other.delay <= pool.delay) continue;
    // A pool remembering longer than the period does not repeat with it: it must stay below capacity throughout, even
    // if nothing came back to it, and what we add must come back only after the jump.
    periods = Math.min(periods, Math.floor((other.capacity - other.held) / perPeriod) - 1, Math.floor(other.delay / pool.delay));
  }
  if (!(periods >= 1)) return null;
  const span = periods * pool.delay;
  const sent = periods * perPeriod;
  for (const other of s.pools) {
    // Pools remembering no longer than the period hold the same as one period ago: their pending slots just move on.
    if (other === pool || other.delay <= pool.delay) other.shiftEcho(span);
    else other.skip(s.t, s.t + span, sent);
  }
  for (let i = 0; i < s.othersLeft.length; i++) {
    if (s.othersLeft[i]! > 0 && s.othersStart[i]! <= s.t) s.othersLeft[i]! -= periods * othersPerPeriod;
  }
  return { to: s.t + span, sent, pool };
}
