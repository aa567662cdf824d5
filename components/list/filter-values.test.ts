import { parseAsString, parseAsStringLiteral } from "nuqs";
import { describe, expect, it } from "vitest";
import { parseFilterInput, writtenValues } from "./filter-values";
import { queryString } from "./query-string";

const PARSERS = { q: parseAsString, status: parseAsStringLiteral(["sent", "failed"] as const), from: parseAsString };

describe("filters from a form", () => {
  it("reads trimmed text, clears blanks, and types each choice", () => {
    const values = parseFilterInput(PARSERS, { q: "  555 0302 ", status: "failed", from: "" });
    expect(values).toEqual({ q: "555 0302", status: "failed", from: null });
  });

  it("drops a choice the list does not offer rather than sending it", () => {
    expect(parseFilterInput(PARSERS, { status: "lost" }).status).toBeNull();
  });

  it("writes the applied values back as the URL names them, in the parsers' order", () => {
    const values = parseFilterInput(PARSERS, { from: "2026-01-01T00:00:00.000Z", q: "ada" });
    expect(queryString(Object.keys(PARSERS), writtenValues(PARSERS, values))).toBe("q=ada&from=2026-01-01T00%3A00%3A00.000Z");
  });
});
