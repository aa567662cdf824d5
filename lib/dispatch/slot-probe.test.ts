import { describe, expect, it } from "vitest";
import { SlotProbe } from "./slot-probe";

describe("slot probe", () => {
  it("is unbounded until Connect has no slot, then allows as many as are due to free", () => {
    const p = new SlotProbe();
    expect(p.allow(48)).toBe(48);
    p.claimed(48);
    p.refused(5);
    p.settled("no-capacity", 50);
    expect(p.allow(48)).toBe(5);
    p.claimed(5);
    expect(p.allow(48)).toBe(0);
  });

  it("gives a place back per answer and one more per start that went through, until a batch is allowed again", () => {
    const p = new SlotProbe();
    p.refused(0);
    expect(p.allow(48)).toBe(1);
    p.claimed(1);
    p.settled("sent", 8);
    expect(p.allow(48)).toBe(2);
    p.claimed(2);
    p.settled("other", 8);
    p.settled("no-capacity", 8);
    expect(p.allow(48)).toBe(1);
    p.claimed(1);
    p.settled("sent", 8);
    p.settled("sent", 8);
    p.settled("sent", 8);
    // 0 + 2 + 2 + 2 = 6, still under 8
    expect(p.allow(48)).toBe(6);
    p.settled("sent", 8);
    expect(p.bound).toBeUndefined();
    expect(p.allow(48)).toBe(48);
  });

  it("with nothing out, one may always go, so a campaign is never stuck", () => {
    const p = new SlotProbe();
    p.refused(2);
    p.claimed(2);
    expect(p.allow(10)).toBe(0);
    // Both refused, and the wait they share was already reckoned: nobody set the bound again.
    p.settled("no-capacity", 10);
    expect(p.allow(10)).toBe(0);
    p.settled("no-capacity", 10);
    expect(p.allow(10)).toBe(1);
  });
});
