import { describe, expect, it } from "vitest";
import { ledgerIncomplete } from "./ledger-state";

describe("ledgerIncomplete", () => {
  it("is true while a save is writing the rows, and after one failed part-way", () => {
    expect(ledgerIncomplete("writing")).toBe(true);
    expect(ledgerIncomplete("writing:3f2a")).toBe(true);
    expect(ledgerIncomplete("incomplete")).toBe(true);
  });
  it("is false for a complete ledger and for campaigns saved before the state existed", () => {
    expect(ledgerIncomplete("ready")).toBe(false);
    expect(ledgerIncomplete(null)).toBe(false);
    expect(ledgerIncomplete(undefined)).toBe(false);
  });
});
