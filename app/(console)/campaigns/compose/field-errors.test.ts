import { describe, expect, it, vi } from "vitest";
import { applyFieldErrors } from "./field-errors";

describe("applyFieldErrors", () => {
  it("places dotted paths and focuses the first", () => {
    const setError = vi.fn();
    const placed = applyFieldErrors(setError, { "recipients.mapping.phoneColumn": "Choose", name: "Name it", _: "whole form" });
    expect(placed).toBe(2);
    expect(setError).toHaveBeenCalledWith("recipients.mapping.phoneColumn", { type: "server", message: "Choose" }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledWith("name", { type: "server", message: "Name it" }, { shouldFocus: false });
  });

  it("strips a prefix and skips keys outside it", () => {
    const setError = vi.fn();
    expect(applyFieldErrors(setError, { "campaign.contactFlowId": "Unknown flow", phone: "Bad number" }, "campaign.")).toBe(1);
    expect(setError).toHaveBeenCalledWith("contactFlowId", { type: "server", message: "Unknown flow" }, { shouldFocus: true });
  });
});
