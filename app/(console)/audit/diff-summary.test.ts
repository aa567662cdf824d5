import { describe, expect, it } from "vitest";
import { summarizeDiff } from "./diff-summary";

describe("summarizeDiff", () => {
  it("reads a from/to pair as a change", () => {
    expect(summarizeDiff({ role: { from: "viewer", to: "admin" } })).toEqual(["role: viewer → admin"]);
    expect(summarizeDiff({ disabledAt: { from: null, to: "2026-01-01T00:00:00.000Z" } })).toEqual(["disabledAt: none → 2026-01-01T00:00:00.000Z"]);
  });

  it("shows other values compactly, one line per key", () => {
    expect(summarizeDiff({ via: "setup", ok: true, checked: 12, filter: { actor: "ada" }, tags: ["a", "b"] })).toEqual([
      "via: setup",
      "ok: true",
      "checked: 12",
      "+2 more",
    ]);
    expect(summarizeDiff({ filter: {}, tags: ["a", "b"] })).toEqual(["filter: {}", "tags: [a, b]"]);
  });

  it("shortens long values", () => {
    const [line] = summarizeDiff({ hash: "f".repeat(64) });
    expect(line!.length).toBeLessThan(60);
    expect(line!.endsWith("…")).toBe(true);
  });

  it("has nothing to say about an empty diff, and shows a bare value as is", () => {
    expect(summarizeDiff(null)).toEqual([]);
    expect(summarizeDiff(undefined)).toEqual([]);
    expect(summarizeDiff("note")).toEqual(["note"]);
  });
});
