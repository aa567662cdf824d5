import { describe, expect, it } from "vitest";
import { ThrottleWindow } from "./throttle-window";

const feed = (w: ThrottleWindow, pattern: boolean[]) => pattern.forEach((t) => w.push(t));

describe("ThrottleWindow", () => {
  it("ignores one or two stray throttles", () => {
    const w = new ThrottleWindow();
    feed(w, [true, true]);
    expect(w.tooFast()).toBe(false);
  });

  it("says too fast when most recent sends are throttled, even with few sends so far", () => {
    const w = new ThrottleWindow();
    feed(w, [false, true, true, false, true]);
    expect(w.tooFast()).toBe(true);
  });

  it("keeps sending at full rate through a steady 2 % of random throttles", () => {
    const w = new ThrottleWindow();
    let tooFast = 0;
    for (let i = 0; i < 20_000; i++) {
      w.push(i % 50 === 0);
      if (w.tooFast()) tooFast += 1;
    }
    expect(tooFast).toBe(0);
  });

  it("reacts to a real overload (a third of the sends throttled) within a few sends", () => {
    const w = new ThrottleWindow();
    feed(
      w,
      Array.from({ length: 190 }, () => false),
    );
    let sends = 0;
    while (!w.tooFast()) w.push(sends++ % 3 === 0);
    expect(sends).toBeLessThan(40);
  });

  it("forgets old throttles as new sends go through, and after a reset", () => {
    const w = new ThrottleWindow({ size: 10, share: 0.2, minThrottles: 2 });
    feed(w, [true, true, true]);
    expect(w.tooFast()).toBe(true);
    feed(
      w,
      Array.from({ length: 10 }, () => false),
    );
    expect(w.tooFast()).toBe(false);
    feed(w, [true, true, true]);
    w.reset();
    expect(w.tooFast()).toBe(false);
  });
});
