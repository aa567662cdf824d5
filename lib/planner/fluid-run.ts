// The campaign as a fluid: between two events every rate is constant, so the run jumps from event to event (a window
// opening, a campaign starting or finishing, a pool filling, chats coming back) instead of following recipients or
// seconds, and skips stretches that repeat (steady-jump.ts). Time is in seconds from the moment of planning.
import type { Span } from "./send-windows";
import { WindowCursor } from "./send-windows";
import type { SlotPool } from "./slot-pool";
import { trySteadyJump } from "./steady-jump";
import type { CeilingKind } from "./types";

export interface FluidInput {
  recipients: number;
  start: number;
  windows: Span[] | null;
  accountRate: number;
  /** The campaign's own ceilings besides its share of the account rate (its rate setting, its number). */
  ownLimits: { kind: CeilingKind; perSecond: number }[];
  others: { remaining: number; start: number }[];
  pools: SlotPool[];
}

export interface FluidResult {
  /** When the last recipient goes out; null when it never does. */
  end: number | null;
  blocked: { kind: CeilingKind; remaining: number; tooLong: boolean } | null;
  /** Seconds after the start during which each ceiling held the rate. */
  secondsBy: Partial<Record<CeilingKind, number>>;
  /** The most campaigns taking turns at the account rate while this one could send. */
  mostSharing: number;
  times: number[];
  sent: number[];
}

// Past this the plan is reported blocked rather than computed further.
export const MAX_PLAN_SECONDS = 10 * 365 * 86_400;
const MAX_STEPS = 2_000_000;
const DONE = 1e-6;
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, a, b);

export function runFluid(input: FluidInput): FluidResult {
  const { accountRate, ownLimits, pools, start } = input;
  const windows = new WindowCursor(input.windows);
  const rem = input.others.map((o) => o.remaining);
  const oStart = input.others.map((o) => o.start);
  const rets = new Float64Array(pools.length);
  const steadySince = new Float64Array(pools.length).fill(NaN);
  const secondsBy: Partial<Record<CeilingKind, number>> = {};
  const times = [start];
  const sentAt = [0];
  let t = 0;
  let left = input.recipients;
  let sent = 0;
  let mostSharing = 1;
  let lastBase = NaN;
  let lastSharing = -1;
  for (let step = 0; left > DONE; step++) {
    const open = windows.openAt(t) && t >= start;
    let m = 0;
    for (let i = 0; i < rem.length; i++) if (oStart[i]! <= t && rem[i]! > 0) m++;
    let base = accountRate / (m + 1);
    let kind: CeilingKind = "account-rate";
    for (const limit of ownLimits) {
      if (limit.perSecond >= base) continue;
      base = limit.perSecond;
      kind = limit.kind;
    }
    let x = open ? base : 0;
    if (open) mostSharing = Math.max(mostSharing, m + 1);
    else kind = "send-windows";
    // Anything outside the pools changing breaks every repetition under way.
    let calm = open && base === lastBase && m === lastSharing;
    lastBase = open ? base : NaN;
    lastSharing = m;
    for (let p = 0; p < pools.length; p++) {
      const pool = pools[p]!;
      rets[p] = pool.returnRate(t);
      calm &&= pool.onlyEcho;
      if (!open) continue;
      // A full pool binds even when what comes back matches our rate: sending faster would not send more.
      const limit = pool.limit(rets[p]!);
      if (limit > x) continue;
      x = limit;
      kind = pool.kind;
    }
    for (let p = 0; p < pools.length; p++) {
      const binds = calm && pools[p]!.limit(rets[p]!) !== Infinity && near(x, rets[p]!);
      if (!binds) steadySince[p] = NaN;
      else if (Number.isNaN(steadySince[p]!)) steadySince[p] = t;
    }
    const othersRate = m > 0 ? (accountRate - x) / m : 0;

    let next = t < start ? start : windows.nextBoundary(t);
    let nextStart = Infinity;
    for (let i = 0; i < rem.length; i++) {
      if (oStart[i]! > t) nextStart = Math.min(nextStart, oStart[i]!);
      else if (rem[i]! > 0 && othersRate > 0) next = Math.min(next, t + rem[i]! / othersRate);
    }
    next = Math.min(next, nextStart);
    for (let p = 0; p < pools.length; p++) next = Math.min(next, pools[p]!.nextEvent(t, x, rets[p]!));
    const finishAt = x > 0 ? t + left / x : Infinity;
    next = Math.min(next, finishAt);

    const tooLong = next > MAX_PLAN_SECONDS || step > MAX_STEPS;
    if (next === Infinity || windows.exhausted || tooLong) {
      const blocked = { kind, remaining: left, tooLong: tooLong && next !== Infinity };
      return { end: null, blocked, secondsBy, mostSharing, times, sent: sentAt };
    }
    const dt = next - t;
    left = next === finishAt ? 0 : left - x * dt;
    sent += x * dt;
    for (let i = 0; i < rem.length; i++) {
      if (oStart[i]! > t || rem[i]! <= 0) continue;
      rem[i] = rem[i]! - othersRate * dt;
      if (rem[i]! <= DONE) rem[i] = 0;
    }
    for (let p = 0; p < pools.length; p++) pools[p]!.advance(t, next, x, rets[p]!);
    if (t >= start) secondsBy[kind] = (secondsBy[kind] ?? 0) + dt;
    t = next;
    if (t > start) {
      times.push(t);
      sentAt.push(sent);
    }

    let steady = false;
    for (let p = 0; p < pools.length; p++) steady ||= t - steadySince[p]! >= pools[p]!.delay;
    if (steady && left > DONE) {
      const nextExternal = Math.min(windows.nextBoundary(t), nextStart);
      const jump = trySteadyJump({ t, left, accountRate, pools, steadySince, othersLeft: rem, othersStart: oStart, nextExternal });
      if (jump) {
        secondsBy[jump.pool.kind] = (secondsBy[jump.pool.kind] ?? 0) + (jump.to - t);
        t = jump.to;
        left -= jump.sent;
        sent += jump.sent;
        times.push(t);
        sentAt.push(sent);
      }
    }
  }
  return { end: Math.max(t, start), blocked: null, secondsBy, mostSharing, times, sent: sentAt };
}
