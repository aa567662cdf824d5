import { describe, expect, it } from "vitest";
import { pageQuery, queryString, withQuery } from "./query-string";

const AUDIT_KEYS = ["actor", "action", "target", "from", "to"];

describe("queryString", () => {
  it("keeps only known, non-empty filters in a fixed order", () => {
    const params = new URLSearchParams("to=2026-01-02T00%3A00%3A00.000Z&cursor=9&actor=+ada+&action=&target=user");
    expect(queryString(AUDIT_KEYS, params)).toBe("actor=ada&target=user&to=2026-01-02T00%3A00%3A00.000Z");
    expect(queryString(AUDIT_KEYS, { action: "user.", from: "" })).toBe("action=user.");
    expect(queryString(AUDIT_KEYS, {})).toBe("");
  });

  it("gives equal strings for equal filters, whatever order they were given in", () => {
    expect(queryString(["q", "status"], { status: "failed", q: "555", other: "x" })).toBe(
      queryString(["q", "status"], new URLSearchParams("q=555&status=failed")),
    );
  });

  it("drops missing values and writes numbers", () => {
    expect(queryString(["a", "b", "c"], { a: null, b: undefined, c: 3 })).toBe("c=3");
  });
});

describe("pageQuery", () => {
  it("asks for the first page without a cursor and later pages after theirs", () => {
    expect(pageQuery("status=failed", undefined, 50)).toBe("status=failed&limit=50");
    expect(pageQuery("", "abc", 25)).toBe("cursor=abc&limit=25");
    expect(pageQuery("q=1", 0, 50)).toBe("q=1&cursor=0&limit=50");
  });
});

describe("withQuery", () => {
  it("leaves no dangling question mark", () => {
    expect(withQuery("/api/audit/export", "")).toBe("/api/audit/export");
    expect(withQuery("/api/audit/export", "actor=ada")).toBe("/api/audit/export?actor=ada");
  });
});
