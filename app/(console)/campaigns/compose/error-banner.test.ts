import { describe, expect, it } from "vitest";
import { bannerSettled, errorPaths } from "./error-banner";

const values = { name: "", message: { kind: "text", text: "Hi {{cty}}" }, recipients: { mapping: { phoneColumn: "Phone" } } };

describe("errorPaths", () => {
  it("lists every error in the tree, nested ones by dotted path, without walking into element refs", () => {
    const errors = {
      name: { type: "too_small", message: "Name the campaign", ref: { name: "name", parent: { deep: { type: "x" } } } },
      message: { type: "custom", message: "Wrong kind", text: { type: "server", message: "Unknown" } },
      recipients: { mapping: { variableColumns: { "Order ID": { type: "server", message: "Taken" } } } },
    };
    expect(errorPaths(errors)).toEqual(["name", "message", "message.text", "recipients.mapping.variableColumns.Order ID"]);
  });
});

describe("bannerSettled", () => {
  const banner = { paths: ["name", "message.text"], values };
  const errors = { name: { type: "too_small" }, message: { text: { type: "server" } } };

  it("keeps the banner while a field it names still has its error and its old value", () => {
    expect(bannerSettled(banner, errors, structuredClone(values))).toBe(false);
    expect(bannerSettled(banner, { message: errors.message }, structuredClone(values))).toBe(false);
  });

  it("lets it go once each named field is fixed or edited", () => {
    const edited = { ...structuredClone(values), message: { kind: "text", text: "Hi {{City}}" } };
    expect(bannerSettled(banner, { name: errors.name }, edited)).toBe(false);
    expect(bannerSettled(banner, errors, { ...edited, name: "Spring sale" })).toBe(true);
    expect(bannerSettled(banner, {}, structuredClone(values))).toBe(true);
  });

  it("stays for a refusal that names no field", () => {
    expect(bannerSettled({ paths: [], values }, {}, { ...values, name: "Spring sale" })).toBe(false);
  });
});
