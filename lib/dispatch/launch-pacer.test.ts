import { describe, expect, it } from "vitest";
import { LaunchPacer } from "./launch-pacer";

describe("launch pacer", () => {
  it("lets a burst go at once, then spaces sends by the rate, however they bunch up", () => {
    let now = 1_000;
    const p = new LaunchPacer(() => now);
    const spec = { key: "number:a:sms", rate: 2, burst: 2 };
    expect([p.delayMs(spec), p.delayMs(spec)]).toEqual([0, 0]);
    // Three more arrive together: one every 500 ms from now.
    expect([p.delayMs(spec), p.delayMs(spec), p.delayMs(spec)]).toEqual([500, 1_000, 1_500]);
    now += 2_000;
    // The waiting ones have left by now, and the next token has come.
    expect([p.delayMs(spec), p.delayMs(spec)]).toEqual([0, 500]);
  });

  it("a send that comes late costs no wait, and an early one waits only the difference", () => {
    let now = 0;
    const p = new LaunchPacer(() => now);
    const spec = { key: "number:b:sms", rate: 1, burst: 1 };
    expect(p.delayMs(spec)).toBe(0);
    now += 1_030;
    expect(p.delayMs(spec)).toBe(0);
    now += 980;
    expect(p.delayMs(spec)).toBe(20);
  });

  it("starts afresh, full, when the number's rate changes; numbers are independent", () => {
    const now = 0;
    const p = new LaunchPacer(() => now);
    expect(p.delayMs({ key: "n", rate: 1, burst: 1 })).toBe(0);
    expect(p.delayMs({ key: "m", rate: 1, burst: 1 })).toBe(0);
    expect(p.delayMs({ key: "n", rate: 1, burst: 1 })).toBe(1_000);
    expect(p.delayMs({ key: "n", rate: 4, burst: 4 })).toBe(0);
  });
});
