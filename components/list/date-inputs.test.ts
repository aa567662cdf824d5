import { describe, expect, it } from "vitest";
import { fromDayInput, fromLocalInput, toDayInput, toLocalInput } from "./date-inputs";

describe("local date and time inputs", () => {
  it("round-trips a datetime-local value through a UTC instant", () => {
    const iso = fromLocalInput("2026-01-31T09:05");
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
    expect(toLocalInput(iso)).toBe("2026-01-31T09:05");
  });

  it("makes the end of a range include the whole chosen minute", () => {
    const end = new Date(fromLocalInput("2026-01-31T09:05", true));
    expect([end.getHours(), end.getMinutes(), end.getSeconds(), end.getMilliseconds()]).toEqual([9, 5, 59, 999]);
    expect(toLocalInput(end.toISOString())).toBe("2026-01-31T09:05");
  });

  it("leaves empty values empty and passes unreadable ones on for the server to explain", () => {
    expect(fromLocalInput("")).toBe("");
    expect(fromLocalInput("not a date")).toBe("not a date");
    expect(toLocalInput("not a date")).toBe("");
    expect(toLocalInput(null)).toBe("");
  });
});

describe("date inputs", () => {
  it("round-trips a day through the start of that day here", () => {
    const start = new Date(fromDayInput("2026-03-31"));
    expect([start.getDate(), start.getHours(), start.getMinutes()]).toEqual([31, 0, 0]);
    expect(toDayInput(start.toISOString())).toBe("2026-03-31");
  });

  it("makes the end of a range include the whole chosen day", () => {
    const end = new Date(fromDayInput("2026-03-31", true));
    expect([end.getDate(), end.getHours(), end.getMinutes(), end.getSeconds(), end.getMilliseconds()]).toEqual([31, 23, 59, 59, 999]);
    expect(toDayInput(end.toISOString())).toBe("2026-03-31");
  });

  it("leaves empty values empty and passes unreadable ones on for the server to explain", () => {
    expect(fromDayInput("")).toBe("");
    expect(fromDayInput("31/03/2026")).toBe("31/03/2026");
    expect(toDayInput("soon")).toBe("");
  });
});
