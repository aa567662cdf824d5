import { describe, expect, it } from "vitest";
import { openSeconds, WindowCursor, windowSpans } from "./send-windows";

const NOW = Date.parse("2025-01-01T00:00:00Z");
const at = (seconds: number) => new Date(NOW + seconds * 1000);

describe("send windows", () => {
  it("are made relative to now, sorted, merged where they overlap or touch, and dropped once over", () => {
    const spans = windowSpans(
      [
        { start: at(500), end: at(600) },
        { start: at(-100), end: at(-10) },
        { start: at(-50), end: at(100) },
        { start: at(100), end: at(200) },
        { start: at(550), end: at(700) },
      ],
      NOW,
    );
    expect(spans).toEqual([
      { start: 0, end: 200 },
      { start: 500, end: 700 },
    ]);
  });

  it("count the open seconds of a stretch", () => {
    const spans = [
      { start: 0, end: 200 },
      { start: 500, end: 700 },
    ];
    expect(openSeconds(spans, 100, 600)).toBe(200);
    expect(openSeconds(spans, 200, 500)).toBe(0);
  });

  it("are walked forward: open or not, and when that changes", () => {
    const cursor = new WindowCursor([
      { start: 10, end: 20 },
      { start: 30, end: 40 },
    ]);
    expect([cursor.openAt(0), cursor.nextBoundary(0)]).toEqual([false, 10]);
    expect([cursor.openAt(10), cursor.nextBoundary(10)]).toEqual([true, 20]);
    expect([cursor.openAt(20), cursor.nextBoundary(20)]).toEqual([false, 30]);
    expect(cursor.exhausted).toBe(false);
    expect([cursor.openAt(40), cursor.nextBoundary(40)]).toEqual([false, Infinity]);
    expect(cursor.exhausted).toBe(true);
  });

  it("without a list, are always open", () => {
    const cursor = new WindowCursor(null);
    expect([cursor.openAt(1e9), cursor.nextBoundary(1e9), cursor.exhausted]).toEqual([true, Infinity, false]);
  });
});
