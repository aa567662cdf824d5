import { describe, expect, it } from "vitest";
import { SlotPool } from "./slot-pool";

describe("a pool of slots", () => {
  it("holds what has still to come back: the rest of a spread release, and releases not yet due", () => {
    const pool = new SlotPool("chat-capacity", 100, 60, [
      { start: -50, end: 50, amount: 40 }, // half already back
      { start: 30, end: 30, amount: 5 },
      { start: -1, end: -1, amount: 7 }, // already back
    ]);
    expect(pool.held).toBe(25);
    expect(pool.returnRate(0)).toBeCloseTo(0.4);
    expect(pool.onlyEcho).toBe(false);
  });

  it("limits sending only when full, and stops it when over capacity", () => {
    const pool = new SlotPool("chat-capacity", 10, 60, [{ start: 0, end: 100, amount: 20 }]);
    expect(pool.limit(0.2)).toBe(0);
    // Over by 10 at 0.2 back per second: back at capacity after 50 s.
    expect(pool.nextEvent(0, 0, 0.2)).toBe(50);
    pool.advance(0, 50, 0, 0.2);
    expect(pool.held).toBe(10);
    expect(pool.limit(0.2)).toBe(0.2);
  });

  it("gives our sends back one delay later, at the rate they went out", () => {
    const pool = new SlotPool("chat-capacity", 100, 60, []);
    expect(pool.limit(0)).toBe(Infinity);
    // Sending 2/s from empty: full after 50 s; the first echo starts at 60 s.
    expect(pool.nextEvent(0, 2, 0)).toBe(50);
    pool.advance(0, 50, 2, 0);
    expect(pool.held).toBe(100);
    expect(pool.nextEvent(50, 0, 0)).toBe(60);
    pool.advance(50, 60, 0, 0);
    expect(pool.returnRate(60)).toBe(2);
    expect(pool.nextEvent(60, 2, 2)).toBe(110);
    expect(pool.onlyEcho).toBe(true);
  });

  it("treats a steady send as one stretch coming back", () => {
    const pool = new SlotPool("chat-capacity", 1_000, 60, []);
    pool.advance(0, 60, 2, 0);
    // From 60 s the echo matches what we send, so nothing changes until we change.
    expect(pool.nextEvent(60, 2, 2)).toBe(Infinity);
    expect(pool.nextEvent(60, 1, 2)).toBe(120);
  });
});
