import { describe, expect, it } from "vitest";
import { sameValues } from "./same-values";

describe("sameValues", () => {
  it("compares nested objects and arrays by content", () => {
    expect(sameValues({ a: 1, b: { c: ["x", "y"] } }, { b: { c: ["x", "y"] }, a: 1 })).toBe(true);
    expect(sameValues({ a: 1, b: { c: ["x", "y"] } }, { a: 1, b: { c: ["y", "x"] } })).toBe(false);
  });
  it("treats a missing key and an undefined one alike", () => {
    expect(sameValues({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });
  it("tells arrays from objects and values from null", () => {
    expect(sameValues([], {})).toBe(false);
    expect(sameValues({ a: null }, { a: {} })).toBe(false);
    expect(sameValues("60", 60)).toBe(false);
  });
});
