// The planner's yardstick in tests: every send of every campaign as its own event, under a token bucket for the
// account rate (turns taken round-robin), a timer per chat and a record per WhatsApp customer. It shares no code with
// the model beyond the number defaults, and takes one step per send, so it only suits small campaigns.
import { defaultNumberThroughput } from "./number-throughput";
import type { PlanInput } from "./types";

const EPS = 1e-9;
const DAY = 86_400;

/** Index of the first element above `t` in an ascending array. */
function above(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= t + EPS) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Slots (chats, customers) held by ascending lists of release times. */
class Releases {
  constructor(readonly lists: number[][]) {}
  heldAt(t: number): number {
    return this.lists.reduce((n, list) => n + list.length - above(list, t), 0);
  }
  /** The earliest moment after `t` at which the count held drops below `capacity`. */
  freeAt(t: number, capacity: number): number {
    let at = t;
    while (this.heldAt(at) >= capacity) {
      at = Math.min(...this.lists.map((list) => list[above(list, at)] ?? Infinity));
      if (at === Infinity) return Infinity;
    }
    return at;
  }
}

/** Seconds from `now` to this campaign's last send, or null when it never gets there within `horizon`. */
export function simulateSends(input: PlanInput, horizon = 400 * DAY): number | null {
  const nowMs = input.now.getTime();
  const rel = (d: Date) => (d.getTime() - nowMs) / 1000;
  const start = input.startsAt ? Math.max(0, rel(input.startsAt)) : 0;
  const windows = (input.windows ?? []).map((w) => [rel(w.start), rel(w.end)] as const);
  const life = input.lifetime.seconds;
  const number = input.numberPerSecond ?? defaultNumberThroughput(input.channel, input.numberType, input.numberCountry).perSecond;
  const ownInterval = 1 / Math.min(number, input.campaignRate ?? Infinity);

  const ownAges = [...(input.campaignOpenChatAges ?? []), ...(input.campaignOpenChatHistogram ?? []).flatMap((b) => Array<number>(b.count).fill(b.ageSeconds))];
  const ownOpen = ownAges.map((age) => life - age).filter((end) => end > 0);
  const otherOpen = Math.max(0, (input.openChats ?? 0) - ownAges.length);
  const spread = input.existingChatsEndWithinSeconds ?? life;
  const existing = Array.from({ length: otherOpen }, (_, i) => ((i + 0.5) * spread) / otherOpen);
  const ourChats: number[] = [];
  const chats = new Releases([existing, ownOpen.sort((a, b) => a - b), ourChats]);

  const limit = input.channel === "whatsapp" && typeof input.whatsappDailyLimit === "number" ? input.whatsappDailyLimit : Infinity;
  const prior = (input.priorSendsLast24h ?? []).flatMap((p) =>
    Array.from({ length: p.count }, (_, j) => rel(p.at) + DAY + ((p.spanSeconds ?? 0) * (j + 0.5)) / p.count),
  );
  const ourCustomers: number[] = [];
  const customers = new Releases([prior.filter((t) => t > 0).sort((a, b) => a - b), ourCustomers]);

  let lastSend = -Infinity;
  function oursReadyAt(t: number): number {
    let at = Math.max(t, start, lastSend + ownInterval);
    for (let round = 0; round < 1_000; round++) {
      const before = at;
      at = chats.freeAt(at, input.chatQuota);
      if (limit !== Infinity) at = customers.freeAt(at, limit);
      if (windows.length > 0 && !windows.some(([s, e]) => s <= at + EPS && at < e - EPS)) {
        at = Math.min(...windows.filter(([s]) => s > at).map(([s]) => s));
      }
      if (at === Infinity || at === before) return at;
    }
    throw new Error("ready time does not settle");
  }

  const others = (input.otherCampaigns ?? []).map((o) => ({ left: o.remaining, start: o.startsAt ? Math.max(0, rel(o.startsAt)) : 0 }));
  const rate = input.accountRate;
  let left = input.recipients;
  let tokens = 1;
  let t = 0;
  let refilledAt = 0;
  let turn = 0;
  while (left > 0) {
    if (t > horizon) return null;
    tokens = Math.min(1, tokens + (t - refilledAt) * rate);
    refilledAt = t;
    const oursAt = oursReadyAt(t);
    const ready = (i: number) => (i === 0 ? oursAt <= t + EPS : others[i - 1]!.left > 0 && others[i - 1]!.start <= t + EPS);
    const n = others.length + 1;
    const chosen = tokens >= 1 - EPS ? Array.from({ length: n }, (_, k) => (turn + k) % n).find(ready) : undefined;
    if (chosen !== undefined) {
      tokens -= 1;
      turn = chosen + 1;
      if (chosen > 0) others[chosen - 1]!.left -= 1;
      else {
        left -= 1;
        lastSend = t;
        ourChats.push(t + life);
        ourCustomers.push(t + DAY);
      }
      continue;
    }
    const starts = others.filter((o) => o.left > 0 && o.start > t).map((o) => o.start);
    const next = tokens < 1 - EPS ? (rate > 0 ? t + (1 - tokens) / rate : Infinity) : Math.min(oursAt, ...starts);
    if (next === Infinity) return null;
    t = next;
  }
  return lastSend;
}
