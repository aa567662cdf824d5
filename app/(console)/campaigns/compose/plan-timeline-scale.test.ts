import { describe, expect, it } from "vitest";
import { makeCampaignPlan } from "@/lib/campaigns/campaign-plan";
import { labelsFit, textWidth } from "@/components/charts/scale";
import { halfwayAt, timelineGeometry, timelineTableRows, type TimelinePoint } from "./plan-timeline-scale";

const t = (minutes: number) => new Date(Date.UTC(2026, 11, 6, 10, minutes)).toISOString();
// The chart's real size in pixels; its plot keeps 22 px over it for the total and 22 px under it for the time labels.
const geometry = (points: readonly TimelinePoint[], width = 336, height = 170, zone = "UTC") => timelineGeometry(points, width, height, zone);

// 338 × 164 px: the widest count label ("800", 22 px) and 10 px leave the plot 300 × 120 px from (32, 22).
const W = 338;
const H = 164;

describe("the plan chart's scales", () => {
  it("spans the plot from the first moment to the last and from 0 to a round top", () => {
    const g = geometry(
      [
        { at: t(0), sent: 0 },
        { at: t(30), sent: 400 },
        { at: t(60), sent: 700 },
      ],
      W,
      H,
    )!;
    expect(g.plot).toEqual({ left: 32, right: 332, top: 22, bottom: 142 });
    // 700 rounds up to a top of 800 in steps of 200.
    expect(g.ticks).toEqual([
      { value: 0, y: 142, text: "0" },
      { value: 200, y: 112, text: "200" },
      { value: 400, y: 82, text: "400" },
      { value: 600, y: 52, text: "600" },
      { value: 800, y: 22, text: "800" },
    ]);
    expect(g.line).toBe("M32 142 L182 82 L332 37");
    expect(g.area).toBe("M32 142 L182 82 L332 37 L332 142 L32 142 Z");
    expect(g.end).toEqual({ x: 332, y: 37 });
    expect(g.total).toBe(700);
    expect(g.endMs - g.startMs).toBe(3_600_000);
    expect(g.timeTicks.map((x) => [x.x, x.text])).toEqual([
      [32, "10:00"],
      [107, "10:15"],
      [182, "10:30"],
      [257, "10:45"],
      [332, "11:00"],
    ]);
  });

  it("ticks time on the reader's clock and in compact counts", () => {
    const g = geometry(
      [
        { at: t(0), sent: 0 },
        { at: t(60), sent: 12_000 },
      ],
      W,
      H,
      "Asia/Kolkata",
    )!;
    // 10:00–11:00 UTC is 15:30–16:30 in India.
    expect(g.timeTicks.map((x) => x.text)).toEqual(["15:30", "15:45", "16:00", "16:15", "16:30"]);
    expect(g.ticks.map((x) => x.text)).toEqual(["0", "5K", "10K", "15K"]);
  });

  it("gives a narrow panel fewer time ticks, none touching and none past the edge", () => {
    const points = [
      { at: t(0), sent: 0 },
      { at: t(24 * 60), sent: 1_000_000 },
    ];
    const narrow = geometry(points, 260, H)!;
    const wide = geometry(points, 700, H)!;
    expect(narrow.timeTicks.length).toBeLessThan(wide.timeTicks.length);
    for (const [g, width] of [
      [narrow, 260],
      [wide, 700],
    ] as const) {
      expect(
        labelsFit(
          g.timeTicks.map((x) => x.labelX),
          g.timeTicks.map((x) => textWidth(x.text)),
        ),
      ).toBe(true);
      for (const x of g.timeTicks) {
        expect(x.labelX - textWidth(x.text) / 2).toBeGreaterThanOrEqual(0);
        expect(x.labelX + textWidth(x.text) / 2).toBeLessThanOrEqual(width);
      }
      for (const x of g.ticks) expect(textWidth(x.text) + 6).toBeLessThanOrEqual(g.plot.left);
    }
  });

  it("places points by their time, not their order", () => {
    const g = geometry(
      [
        { at: t(0), sent: 0 },
        { at: t(6), sent: 100 },
        { at: t(60), sent: 100 },
      ],
      W,
      H,
    )!;
    // 100 has a top of 100: the line reaches the plot's top six minutes in.
    expect(g.line).toBe("M32 142 L62 22 L332 22");
  });

  it("draws nothing without a span of time", () => {
    expect(geometry([])).toBeNull();
    expect(geometry([{ at: t(0), sent: 5 }])).toBeNull();
    expect(
      geometry([
        { at: t(0), sent: 0 },
        { at: t(0), sent: 5 },
      ]),
    ).toBeNull();
    expect(
      geometry([
        { at: "soon", sent: 0 },
        { at: t(5), sent: 5 },
      ]),
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
    const g = geometry(plan.timeline, W, H)!;
    const coords = [...g.line.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(coords).toHaveLength(plan.timeline.length);
    for (const [x, y] of coords) {
      expect(x).toBeGreaterThanOrEqual(32);
      expect(x).toBeLessThanOrEqual(332);
      expect(y).toBeGreaterThanOrEqual(22);
      expect(y).toBeLessThanOrEqual(142);
    }
    expect(g.total).toBe(10_000);
  });
});

describe("the plan's table", () => {
  it("has each point's moment in the reader's zone and the recipients sent by then", () => {
    const now = new Date("2026-12-06T09:00:00Z");
    expect(
      timelineTableRows(
        [
          { at: t(0), sent: 0 },
          { at: t(30), sent: 1500 },
        ],
        "Europe/Berlin",
        now,
      ).map((r) => r.cells),
    ).toEqual([
      ["Sun 6 Dec, 11:00", "0"],
      ["Sun 6 Dec, 11:30", "1,500"],
    ]);
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
