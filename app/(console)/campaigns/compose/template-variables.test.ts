import { describe, expect, it } from "vitest";
import { matchingColumn, templateVariables } from "./template-variables";

describe("templateVariables", () => {
  it("reads a Variables: list", () => {
    expect(templateVariables("Order has shipped. Variables: customerName, orderId, trackingUrl")).toEqual(["customerName", "orderId", "trackingUrl"]);
  });

  it("stops the list at the end of its sentence", () => {
    expect(templateVariables("Variables: name and order_id. Sent after checkout")).toEqual(["name", "order_id"]);
  });

  it("reads {{placeholders}}", () => {
    expect(templateVariables("Hi {{name}}, order {{ order_id }} shipped")).toEqual(["name", "order_id"]);
  });

  it("merges both forms without repeats", () => {
    expect(templateVariables("Hello {{name}}. Variables: name, city")).toEqual(["name", "city"]);
  });

  it("returns nothing for a description without variables", () => {
    expect(templateVariables("Welcome message")).toEqual([]);
    expect(templateVariables(undefined)).toEqual([]);
  });
});

describe("matchingColumn", () => {
  it("prefers the column mapped to the variable", () => {
    expect(matchingColumn("customerName", ["first", "customer_name"], { first: "customerName" })).toBe("first");
  });
  it("matches headers ignoring case and separators", () => {
    expect(matchingColumn("orderId", ["phone", "Order ID"])).toBe("Order ID");
  });
  it("finds nothing when no column fits", () => {
    expect(matchingColumn("amount", ["phone", "name"])).toBeUndefined();
  });
});
