import { describe, expect, it } from "vitest";
import { mappingColumnProblems, recipientMappingSchema, suggestMapping } from "./mapping";

describe("suggestMapping", () => {
  it("finds the usual phone and name columns", () => {
    expect(suggestMapping(["Name", "Phone", "City"])).toEqual({ phoneColumn: "Phone", nameColumn: "Name" });
    expect(suggestMapping(["msisdn", "first_name", "last_name"])).toEqual({ phoneColumn: "msisdn", nameColumn: "first_name" });
    expect(suggestMapping(["Display Name", "Mobile Number"])).toEqual({ phoneColumn: "Mobile Number", nameColumn: "Display Name" });
    expect(suggestMapping(["Telefon", "Vorname", "Nachname"])).toEqual({ phoneColumn: "Telefon", nameColumn: "Vorname" });
    expect(suggestMapping(["Customer Phone (E.164)", "Customer Name"])).toEqual({ phoneColumn: "Customer Phone (E.164)", nameColumn: "Customer Name" });
  });

  it("prefers a first name over a last name, and never guesses an order number as the phone", () => {
    expect(suggestMapping(["last_name", "first_name", "order_number"])).toEqual({ nameColumn: "first_name" });
  });

  it("leaves out what it cannot find", () => {
    expect(suggestMapping(["a", "b"])).toEqual({});
  });
});

describe("recipientMappingSchema", () => {
  it("fills empty attribute and variable maps", () => {
    expect(recipientMappingSchema.parse({ phoneColumn: "phone" })).toEqual({ phoneColumn: "phone", attributeColumns: {}, variableColumns: {} });
  });

  it("rejects attribute keys outside the contract's charset, at the field", () => {
    const result = recipientMappingSchema.safeParse({ phoneColumn: "phone", attributeColumns: { "Order ID": "order id" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["attributeColumns", "Order ID"], message: "Use only letters, digits, - and _" });
  });

  it("rejects two columns feeding one attribute", () => {
    const result = recipientMappingSchema.safeParse({ phoneColumn: "phone", attributeColumns: { a: "key", b: "key" } });
    expect(result.error?.issues[0]).toMatchObject({ path: ["attributeColumns", "b"], message: '"a" is already mapped to key' });
  });

  it("requires a phone column", () => {
    expect(recipientMappingSchema.safeParse({ phoneColumn: " " }).success).toBe(false);
  });
});

describe("mappingColumnProblems", () => {
  it("names each mapped column the file does not have", () => {
    const mapping = recipientMappingSchema.parse({ phoneColumn: "Phone", nameColumn: "name", attributeColumns: { City: "city" } });
    expect(mappingColumnProblems(mapping, ["phone", "name"])).toEqual({
      phoneColumn: 'The file has no column "Phone"',
      "attributeColumns.City": 'The file has no column "City"',
    });
  });
});
