import { describe, expect, it } from "vitest";
import { filterQuery, fromLocalInput, toLocalInput } from "./filter-params";

describe("filterQuery", () => {
  it("keeps only known, non-empty filters in a fixed order", () => {
    const params = new URLSearchParams("to=2026-01-02T00%3A00%3A00.000Z&cursor=9&actor=+ada+&action=&target=user");
    expect(filterQuery(params)).toBe("actor=ada&target=user&to=2026-01-02T00%3A00%3A00.000Z");
    expect(filterQuery({ action: "user.", from: "" })).toBe("action=user.");
    expect(filterQuery({})).toBe("");
  });
});

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
