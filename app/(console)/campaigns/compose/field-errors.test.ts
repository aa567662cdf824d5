import { describe, expect, it, vi } from "vitest";
import { applyFieldErrors, formPath, PLACEHOLDER_ERROR } from "./field-errors";

describe("applyFieldErrors", () => {
  it("places dotted paths and focuses the first", () => {
    const setError = vi.fn();
    const placed = applyFieldErrors(setError, { "recipients.mapping.phoneColumn": "Choose", name: "Name it", _: "whole form" });
    expect(placed).toEqual(["recipients.mapping.phoneColumn", "name"]);
    expect(setError).toHaveBeenCalledWith("recipients.mapping.phoneColumn", { type: "server", message: "Choose" }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledWith("name", { type: "server", message: "Name it" }, { shouldFocus: false });
  });

  it("strips a prefix and skips keys outside it", () => {
    const setError = vi.fn();
    expect(applyFieldErrors(setError, { "campaign.contactFlowId": "Unknown flow", phone: "Bad number" }, "campaign.")).toEqual(["contactFlowId"]);
    expect(setError).toHaveBeenCalledWith("contactFlowId", { type: "server", message: "Unknown flow" }, { shouldFocus: true });
  });

  it("puts the recipient check's message problem under the message field, marked as a placeholder problem", () => {
    const setError = vi.fn();
    const message = "The message uses {{cty}}, but no column or fixed value provides it. Did you mean {{City}}?";
    expect(applyFieldErrors(setError, { messageTemplate: message, phoneColumn: 'The file has no column "Phone"' })).toEqual([
      "message.text",
      "recipients.mapping.phoneColumn",
    ]);
    expect(setError).toHaveBeenCalledWith("message.text", { type: PLACEHOLDER_ERROR, message }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledWith(
      "recipients.mapping.phoneColumn",
      { type: "server", message: 'The file has no column "Phone"' },
      { shouldFocus: false },
    );
  });
});

describe("formPath", () => {
  it("moves the recipient check's names into the form and leaves form paths alone", () => {
    expect(formPath("variableColumns.Order ID")).toBe("recipients.mapping.variableColumns.Order ID");
    expect(formPath("requiredVariables")).toBe("message");
    expect(formPath("defaultCountry")).toBe("recipients.defaultCountry");
    expect(formPath("timeZoneColumn")).toBe("recipients.mapping.timeZoneColumn");
    expect(formPath("recipients.defaultCountry")).toBe("recipients.defaultCountry");
    expect(formPath("message.text")).toBe("message.text");
  });
});
