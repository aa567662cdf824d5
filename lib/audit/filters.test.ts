import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors } from "@/lib/errors";
import { auditFilterSchema } from "./filters";

describe("auditFilterSchema", () => {
  it("turns blank strings into absent filters and applies the default page size", () => {
    expect(auditFilterSchema.parse({ actor: "  ", action: "", target: undefined, from: "" })).toEqual({ limit: 50 });
  });

  it("trims text and parses dates, limit and cursor from query-string strings", () => {
    const f = auditFilterSchema.parse({
      actor: " ada@ ",
      action: "user.",
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-01-02T00:00:00Z",
      cursor: "120",
      limit: "10",
    });
    expect(f).toEqual({ actor: "ada@", action: "user.", from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-01-02T00:00:00Z"), cursor: 120, limit: 10 });
  });

  it("accepts a range of a single instant", () => {
    expect(auditFilterSchema.safeParse({ from: "2026-01-01T10:00:00Z", to: "2026-01-01T10:00:00Z" }).success).toBe(true);
  });

  it("puts a range that ends before it starts on the To field", () => {
    const r = auditFilterSchema.safeParse({ from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error as z.ZodError)).toEqual({ to: "must be after the start of the range" });
  });

  it("names the field that is not a date", () => {
    const r = auditFilterSchema.safeParse({ from: "yesterday-ish" });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error as z.ZodError)).toEqual({ from: "is not a valid date and time" });
  });

  it.each([{ limit: "0" }, { limit: "201" }, { cursor: "-1" }, { cursor: "abc" }, { actor: "x".repeat(201) }])("rejects %j", (input) => {
    expect(auditFilterSchema.safeParse(input).success).toBe(false);
  });
});
