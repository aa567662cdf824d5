// A ceiling made of slots: every send takes one and gives it back `delay` seconds later. Open chats against the
// concurrent chat quota (delay = chat lifetime) and WhatsApp customers against the rolling 24 h limit behave alike.
// Sends are fluid (a rate over an interval), so the slots come back as the same rate shifted by `delay`: this is
// what reproduces the waves of a full quota exactly, without following single chats.
import type { CeilingKind } from "./types";

/** Slots taken before the plan that come back by themselves: evenly over [start, end), or all at `start` when equal. */
export interface Release {
  start: number;
  end: number;
  amount: number;
}

const sameRate = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, a, b);

export class SlotPool {
  held = 0;
  private readonly tol: number;
  private extRate = 0;
  private readonly changeAt: number[] = [];
  private readonly changeBy: number[] = [];
  private ci = 0;
  private readonly pointAt: number[] = [];
  private readonly pointAmount: number[] = [];
  private pi = 0;
  // Our own sends, shifted by the delay: sorted, never overlapping, merged when contiguous at the same rate.
  private eStart: number[] = [];
  private eEnd: number[] = [];
  private eRate: number[] = [];
  private eh = 0;

  constructor(
    readonly kind: CeilingKind,
    readonly capacity: number,
    readonly delay: number,
    releases: readonly Release[],
  ) {
    this.tol = 1e-9 * Math.max(1, capacity);
    const changes: [number, number][] = [];
    const points: [number, number][] = [];
    for (const r of releases) {
      if (r.amount <= 0) continue;
      if (r.end <= r.start) {
        if (r.start > 0) points.push([r.start, r.amount]);
        continue;
      }
      if (r.end <= 0) continue;
      // Only what is still to come back counts as held now.
      const rate = r.amount / (r.end - r.start);
      const start = Math.max(0, r.start);
      this.held += rate * (r.end - start);
      changes.push([start, rate], [r.end, -rate]);
    }
    for (const point of points) this.held += point[1];
    changes.sort((a, b) => a[0] - b[0]);
    points.sort((a, b) => a[0] - b[0]);
    for (const [at, by] of changes) {
      this.changeAt.push(at);
      this.changeBy.push(by);
    }
    for (const [at, amount] of points) {
      this.pointAt.push(at);
      this.pointAmount.push(amount);
    }
    this.applyExternal(0);
  }

  /** Slots coming back per second at `t` (the time the pool was last advanced to). */
  returnRate(t: number): number {
    const echo = this.eh < this.eStart.length && this.eStart[this.eh]! <= t ? this.eRate[this.eh]! : 0;
    return Math.max(0, this.extRate) + echo;
  }

  /** The most this pool lets us send per second now: no limit below capacity, what comes back at it, nothing above. */
  limit(ret: number): number {
    if (this.held > this.capacity + this.tol) return 0;
    return this.held >= this.capacity - this.tol ? ret : Infinity;
  }

  /** The next moment the pool changes how it limits sending, while we send at `x`. */
  nextEvent(t: number, x: number, ret: number): number {
    let next = Math.min(this.changeAt[this.ci] ?? Infinity, this.pointAt[this.pi] ?? Infinity, this.nextEchoChange(t, x));
    if (this.held < this.capacity - this.tol && x > ret) next = Math.min(next, t + (this.capacity - this.held) / (x - ret));
    else if (this.held > this.capacity + this.tol && ret > x) next = Math.min(next, t + (this.held - this.capacity) / (ret - x));
    return next;
  }

  /** True when nothing comes back any more except the echo of our own sends. */
  get onlyEcho(): boolean {
    return this.ci >= this.changeAt.length && this.pi >= this.pointAt.length && this.extRate <= this.tol;
  }

  /** Sent at `x` over [t0, t1), during which the return rate was `ret` throughout. */
  advance(t0: number, t1: number, x: number, ret: number): void {
    const side = this.held < this.capacity - this.tol ? -1 : this.held > this.capacity + this.tol ? 1 : 0;
    this.held += (x - ret) * (t1 - t0);
    // Land exactly on the capacity when crossing it (or staying on it), so rounding never drifts a full pool.
    if ((side < 0 && this.held >= this.capacity - this.tol) || (side > 0 && this.held <= this.capacity + this.tol)) this.held = this.capacity;
    if (side === 0 && sameRate(x, ret)) this.held = this.capacity;
    if (this.held < 0) this.held = 0;
    this.pushEcho(t0 + this.delay, t1 + this.delay, x);
    while (this.eh < this.eStart.length && this.eEnd[this.eh]! <= t1) this.eh++;
    if (this.eh > 4096 && this.eh * 2 > this.eStart.length) this.compact();
    this.applyExternal(t1);
  }

  /** Moves every pending echo `by` seconds later: the pool repeats its last period. */
  shiftEcho(by: number): void {
    for (let i = this.eh; i < this.eStart.length; i++) {
      this.eStart[i]! += by;
      this.eEnd[i]! += by;
    }
  }

  /** Sends `sent` spread evenly over [t0, t1) without following them (the steady-state jump); the pool must stay below capacity. */
  skip(t0: number, t1: number, sent: number): void {
    let returned = 0;
    let at = t0;
    // External rate changes split the interval; between two of them the external rate is constant.
    while (this.ci < this.changeAt.length && this.changeAt[this.ci]! <= t1) {
      returned += Math.max(0, this.extRate) * (this.changeAt[this.ci]! - at);
      at = this.changeAt[this.ci]!;
      this.extRate += this.changeBy[this.ci++]!;
    }
    if (this.ci >= this.changeAt.length) this.extRate = 0;
    returned += Math.max(0, this.extRate) * (t1 - at);
    while (this.pi < this.pointAt.length && this.pointAt[this.pi]! <= t1) returned += this.pointAmount[this.pi++]!;
    for (let i = this.eh; i < this.eStart.length; i++) {
      returned += this.eRate[i]! * Math.max(0, Math.min(t1, this.eEnd[i]!) - Math.max(t0, this.eStart[i]!));
    }
    this.held = Math.max(0, this.held + sent - returned);
    if (t1 > t0) this.pushEcho(t0 + this.delay, t1 + this.delay, sent / (t1 - t0));
    while (this.eh < this.eStart.length && this.eEnd[this.eh]! <= t1) this.eh++;
  }

  private pushEcho(start: number, end: number, rate: number): void {
    if (rate <= 0 || end <= start) return;
    const last = this.eStart.length - 1;
    if (last >= this.eh && this.eEnd[last] === start && sameRate(this.eRate[last]!, rate)) this.eEnd[last] = end;
    else {
      this.eStart.push(start);
      this.eEnd.push(end);
      this.eRate.push(rate);
    }
  }

  // The return rate changes at every echo boundary, except where the segment we are extending simply continues.
  private nextEchoChange(t: number, x: number): number {
    const echoStart = t + this.delay;
    const last = this.eStart.length - 1;
    if (last < this.eh) return x > 0 ? echoStart : Infinity;
    const continues = this.eEnd[last] === echoStart && sameRate(this.eRate[last]!, x);
    let next = Infinity;
    if (this.eStart[this.eh]! > t) next = this.eStart[this.eh]!;
    else if (!(this.eh === last && continues)) next = this.eEnd[this.eh]!;
    const before = this.eEnd[last] === echoStart ? this.eRate[last]! : 0;
    return sameRate(before, x) ? next : Math.min(next, echoStart);
  }

  private applyExternal(t: number): void {
    while (this.ci < this.changeAt.length && this.changeAt[this.ci]! <= t) this.extRate += this.changeBy[this.ci++]!;
    // Rates added and taken away again leave rounding dust; once every change is in, nothing external remains.
    if (this.ci >= this.changeAt.length) this.extRate = 0;
    while (this.pi < this.pointAt.length && this.pointAt[this.pi]! <= t) this.held = Math.max(0, this.held - this.pointAmount[this.pi++]!);
  }

  private compact(): void {
    this.eStart = this.eStart.slice(this.eh);
    this.eEnd = this.eEnd.slice(this.eh);
    this.eRate = this.eRate.slice(this.eh);
    this.eh = 0;
  }
}
