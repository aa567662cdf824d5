import { describe, expect, it } from "vitest";
import { approxPerHour, formatRate, lifetimeWords } from "./words";

describe("figures in the planner's sentences", () => {
  it("rounds hourly figures as far as a ~ allows", () => {
    expect(approxPerHour(0)).toBe("~0");
    expect(approxPerHour(4.16)).toBe("~4.2");
    expect(approxPerHour(83.33)).toBe("~83");
    expect(approxPerHour(3_600)).toBe("~3,600");
    expect(approxPerHour(10_800)).toBe("~10,800");
    expect(approxPerHour(1_234_567)).toBe("~1,230,000");
  });

  it("keeps rates to two decimals", () => {
    expect(formatRate(2)).toBe("2");
    expect(formatRate(0.5)).toBe("0.5");
    expect(formatRate(4 / 3)).toBe("1.33");
    expect(formatRate(1_000)).toBe("1,000");
  });

  it("speaks of lifetimes in their natural unit", () => {
    expect(lifetimeWords(60)).toBe("~60 s");
    expect(lifetimeWords(3_600)).toBe("~60 min");
    expect(lifetimeWords(6 * 3_600)).toBe("~6 h");
    expect(lifetimeWords(7 * 86_400)).toBe("~7 d");
  });
});
