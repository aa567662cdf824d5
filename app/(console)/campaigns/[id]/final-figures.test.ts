import { describe, expect, it } from "vitest";
import { finalFiguresWords, finalTimes, isFinished } from "./final-figures";

const counts = { pending: 0, sending: 0, sent: 9_870, failed: 120, skipped: 10, total: 10_000 };

describe("finalFiguresWords", () => {
  it("says what a completed campaign sent, failed and skipped, and how long it took", () => {
    const p = { status: "completed", counts, startedAt: "2026-05-01T05:12:00.000Z", finishedAt: "2026-05-01T06:35:00.000Z" };
    expect(finalFiguresWords(p)).toBe("Sent 9,870 of 10,000 · 120 failed · 10 skipped · took 1 h 23 min");
    expect(finalTimes(p)).toEqual([
      { label: "started", at: p.startedAt },
      { label: "finished", at: p.finishedAt },
    ]);
  });

  it("leaves out what is zero", () => {
    const p = {
      status: "completed",
      counts: { ...counts, sent: 10_000, failed: 0, skipped: 0 },
      startedAt: "2026-05-01T21:30:00.000Z",
      finishedAt: "2026-05-01T22:30:00.000Z",
    };
    expect(finalFiguresWords(p)).toBe("Sent 10,000 of 10,000 · took 1 h");
  });

  it("says a cancel as such, with the rows it is still skipping and the sends still in flight", () => {
    const p = {
      status: "cancelled",
      counts: { pending: 500, sending: 2, sent: 40, failed: 0, skipped: 458, total: 1_000 },
      startedAt: "2026-05-01T10:00:00.000Z",
      finishedAt: "2026-05-01T10:12:00.000Z",
    };
    expect(finalFiguresWords(p)).toBe("Sent 40 of 1,000 · 458 skipped · 500 still to skip · 2 in flight · ran 12 min");
    expect(finalTimes(p).map((t) => t.label)).toEqual(["started", "cancelled"]);
    const early = { status: "cancelled", counts: { ...counts, sent: 0, failed: 0, skipped: 10_000 }, startedAt: null, finishedAt: "2026-05-01T09:00:00.000Z" };
    expect(finalFiguresWords(early)).toBe("Sent 0 of 10,000 · 10,000 skipped · cancelled before it started");
    expect(finalTimes(early)).toEqual([{ label: null, at: early.finishedAt }]);
  });

  it("has no times to tell before the campaign has ended", () => {
    expect(finalTimes({ status: "running", counts, startedAt: "2026-05-01T10:00:00.000Z", finishedAt: null })).toEqual([]);
  });

  it("knows which statuses are final", () => {
    expect(["completed", "cancelled"].every(isFinished)).toBe(true);
    expect(["draft", "scheduled", "running", "paused"].some(isFinished)).toBe(false);
  });
});
