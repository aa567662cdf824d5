import { describe, expect, it } from "vitest";
import { makeCampaignPlan } from "@/lib/campaigns/campaign-plan";
import { halfwayAt, timelineGeometry, type ChartBox } from "./plan-timeline-scale";

// A 100 × 100 plot inside margins, so coordinates read as percentages.
const box: ChartBox = { width: 130, height: 120, margin: { top: 10, right: 10, bottom: 10, left: 20 } };
const t = (minutes: number) => new Date(Date.UTC(2026, 11, 6, 10, minutes)).toISOString();

describe("the plan chart's scales", () => {
  it("spans the plot from the first moment to the last and from 0 to a round top", () => {
    const g = timelineGeometry(
      [
        { at: t(0), sent: 0 },
        { at: t(30), sent: 400 },
        { at: t(60), sent: 700 },
      ],
      box,
    )!;
    // 700 rounds up to a top of 800 in steps of 200.
    expect(g.ticks).toEqual([
      { value: 0, y: 110 },
      { value: 200, y: 85 },
      { value: 400, y: 60 },
      { value: 600, y: 35 },
      { value: 800, y: 10 },
    ]);
    expect(g.line).toBe("M20 110 L70 60 L120 22.5");
    expect(g.area).toBe("M20 110 L70 60 L120 22.5 L120 110 L20 110 Z");
    expect(g.end).toEqual({ x: 120, y: 22.5 });
    expect(g.total).toBe(700);
    expect(g.endMs - g.startMs).toBe(3_600_000);
  });

  it("places points by their time, not their order", () => {
    const g = timelineGeometry(
      [
        { at: t(0), sent: 0 },
        { at: t(6), sent: 100 },
        { at: t(60), sent: 100 },
      ],
      box,
    )!;
    expect(g.line).toBe("M20 110 L30 10 L120 10");
  });

  it("draws nothing without a span of time", () => {
    expect(timelineGeometry([], box)).toBeNull();
    expect(timelineGeometry([{ at: t(0), sent: 5 }], box)).toBeNull();
    expect(
      timelineGeometry(
        [
          { at: t(0), sent: 0 },
          { at: t(0), sent: 5 },
        ],
        box,
      ),
    ).toBeNull();
    expect(
      timelineGeometry(
        [
          { at: "soon", sent: 0 },
          { at: t(5), sent: 5 },
        ],
        box,
      ),
    ).toBeNull();
  });

  it("keeps every point of a real plan inside the plot", () => {
    const plan = makeCampaignPlan({
      now: new Date("2026-12-06T10:00:00Z"),
      recipients: 10_000,
      channel: "sms",
      accountRate: 2,
      chatQuota: 500,
      lifetime: { seconds: 3600, source: "duration" },
    });
    const g = timelineGeometry(plan.timeline, box)!;
    const coords = [...g.line.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(coords).toHaveLength(plan.timeline.length);
    for (const [x, y] of coords) {
      expect(x).toBeGreaterThanOrEqual(20);
      expect(x).toBeLessThanOrEqual(120);
      expect(y).toBeGreaterThanOrEqual(10);
      expect(y).toBeLessThanOrEqual(110);
    }
    expect(g.total).toBe(10_000);
  });
});

describe("the halfway moment", () => {
  it("is the first point with half the total sent", () => {
    expect(
      halfwayAt([
        { at: t(0), sent: 0 },
        { at: t(10), sent: 40 },
        { at: t(20), sent: 50 },
        { at: t(30), sent: 100 },
      ]),
    ).toBe(t(20));
    expect(halfwayAt([{ at: t(0), sent: 0 }])).toBeNull();
    expect(halfwayAt([])).toBeNull();
  });
});
