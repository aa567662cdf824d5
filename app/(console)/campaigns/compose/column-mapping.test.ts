import { describe, expect, it } from "vitest";
import { availablePlaceholders, columnUse, extraColumns, mappingForHeader, placeholderIssues, setColumnUse, suggestKey } from "./column-mapping";
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

  it("lists the columns besides phone, name and time zone", () => {
    expect(extraColumns(["Mobile", "First name", "Tier"], base)).toEqual(["Tier"]);
    expect(extraColumns(["Mobile", "First name", "Tier", "TZ"], { ...base, timeZoneColumn: "TZ" })).toEqual(["Tier"]);
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

  it("guesses a time zone column for a new file, and keeps one the new header still has", () => {
    const fresh = mappingForHeader({ phoneColumn: "", attributeColumns: {}, variableColumns: {} }, ["phone", "name", "Time zone"]);
    expect(fresh).toEqual({ phoneColumn: "phone", nameColumn: "name", timeZoneColumn: "Time zone", attributeColumns: {}, variableColumns: {} });
    const kept = mappingForHeader({ ...base, timeZoneColumn: "Region" }, ["Mobile", "First name", "Region", "timezone"]);
    expect(kept.timeZoneColumn).toBe("Region");
    const gone = mappingForHeader({ ...base, timeZoneColumn: "Region" }, ["Mobile", "First name"]);
    expect(gone).not.toHaveProperty("timeZoneColumn");
  });

  it("takes a column that becomes the time zone column out of the attributes and variables", () => {
    const next = mappingForHeader({ phoneColumn: "", attributeColumns: { tz: "tz" }, variableColumns: {} }, ["phone", "tz"]);
    expect(next).toEqual({ phoneColumn: "phone", timeZoneColumn: "tz", attributeColumns: {}, variableColumns: {} });
  });

  it("leaves the phone column empty when nothing looks like one", () => {
    const next = mappingForHeader({ phoneColumn: "", attributeColumns: {}, variableColumns: {} }, ["a", "b"]);
    expect(next.phoneColumn).toBe("");
    expect(next).not.toHaveProperty("nameColumn");
  });
});

describe("availablePlaceholders", () => {
  it("offers name and the mapped variables, with the columns they come from", () => {
    expect(availablePlaceholders(base)).toEqual([
      { name: "name", column: "First name" },
      { name: "orderId", column: "Order ID" },
    ]);
    expect(availablePlaceholders({ phoneColumn: "phone" })).toEqual([]);
  });

  it("offers every other column by its own header, unless that header would find something else", () => {
    const header = ["Mobile", "First name", "Tier", "Order ID", " City ", "orderid", "a{b}", "name"];
    expect(availablePlaceholders(base, header)).toEqual([
      { name: "name", column: "First name" },
      { name: "orderId", column: "Order ID" },
      { name: "Mobile", column: "Mobile" },
      { name: "Tier", column: "Tier" },
      { name: "City", column: " City " },
      { name: "orderid", column: "orderid" },
    ]);
  });
});

describe("placeholderIssues", () => {
  const header = ["Mobile", "First name", "City", "Order ID"];

  it("accepts columns in any case, as preflight does", () => {
    expect(placeholderIssues("Hi {{name}}, {{city}} {{order_id}} {{orderId}}", base, header)).toEqual([]);
  });

  it("names each placeholder nothing provides, with preflight's suggestion", () => {
    expect(placeholderIssues("{{cty}} {{balance}} {{cty}}", base, header)).toEqual([
      { name: "cty", problem: "The message uses {{cty}}, but no column or fixed value provides it. Did you mean {{City}}?", suggestion: "City" },
      { name: "balance", problem: "The message uses {{balance}}, but no column or fixed value provides it" },
    ]);
  });

  it("flags a placeholder two columns answer to", () => {
    expect(placeholderIssues("{{City}}", { phoneColumn: "Mobile" }, ["Mobile", "city", "CITY"])).toEqual([
      {
        name: "City",
        problem:
          'The message uses {{City}}, but no column or fixed value provides it: more than one column matches it ("city", "CITY"). Map the one to use as a message variable',
      },
    ]);
  });
});
