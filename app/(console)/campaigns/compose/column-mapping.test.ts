import { describe, expect, it } from "vitest";
import { availablePlaceholders, columnUse, extraColumns, mappingForHeader, setColumnUse, suggestKey } from "./column-mapping";
import type { MappingValue } from "./form-values";

const base: MappingValue = { phoneColumn: "Mobile", nameColumn: "First name", attributeColumns: { Tier: "tier" }, variableColumns: { "Order ID": "orderId" } };

describe("column uses", () => {
  it("reads a column's role from the two records", () => {
    expect(columnUse(base, "Tier")).toEqual({ use: "attribute", name: "tier" });
    expect(columnUse(base, "Order ID")).toEqual({ use: "variable", name: "orderId" });
    expect(columnUse(base, "City")).toEqual({ use: "none", name: "" });
  });

  it("moves a column from one role to another", () => {
    const next = setColumnUse(base, "Tier", "variable", "tier");
    expect(next.attributeColumns).toEqual({});
    expect(next.variableColumns).toEqual({ "Order ID": "orderId", Tier: "tier" });
    expect(setColumnUse(next, "Tier", "none", "").variableColumns).toEqual({ "Order ID": "orderId" });
  });

  it("suggests keys Connect accepts", () => {
    expect(suggestKey("Order ID")).toBe("Order_ID");
    expect(suggestKey(" Café / Nr. ")).toBe("Cafe_Nr");
  });

  it("lists the columns besides phone and name", () => {
    expect(extraColumns(["Mobile", "First name", "Tier"], base)).toEqual(["Tier"]);
  });
});

describe("mappingForHeader", () => {
  it("keeps what the new header still has", () => {
    const next = mappingForHeader(base, ["Mobile", "First name", "Tier"]);
    expect(next).toEqual({ phoneColumn: "Mobile", nameColumn: "First name", attributeColumns: { Tier: "tier" }, variableColumns: {} });
  });

  it("guesses phone and name for a new file", () => {
    const next = mappingForHeader({ phoneColumn: "", attributeColumns: {}, variableColumns: {} }, ["id", "phone_number", "first_name"]);
    expect(next.phoneColumn).toBe("phone_number");
    expect(next.nameColumn).toBe("first_name");
  });

  it("leaves the phone column empty when nothing looks like one", () => {
    const next = mappingForHeader({ phoneColumn: "", attributeColumns: {}, variableColumns: {} }, ["a", "b"]);
    expect(next.phoneColumn).toBe("");
    expect(next).not.toHaveProperty("nameColumn");
  });
});

describe("availablePlaceholders", () => {
  it("offers name and the mapped variables", () => {
    expect(availablePlaceholders(base)).toEqual(["name", "orderId"]);
    expect(availablePlaceholders({ phoneColumn: "phone" })).toEqual([]);
  });
});
