import { describe, expect, it } from "vitest";
import { wakeableSleep } from "./wakeable-sleep";

describe("wakeableSleep", () => {
  it("ends a long pause as soon as it is woken", async () => {
    const s = wakeableSleep();
    const started = Date.now();
    const pause = s.sleep(60_000);
    setTimeout(() => s.wake(), 20);
    await pause;
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("waits out a pause nobody wakes, and a wake with no pause in progress does nothing", async () => {
    const s = wakeableSleep();
    s.wake();
    const started = Date.now();
    await s.sleep(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
