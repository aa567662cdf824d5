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

  it("finds a time zone column by the words people use for one", () => {
    expect(suggestMapping(["Phone", "Name", "Time zone"])).toEqual({ phoneColumn: "Phone", nameColumn: "Name", timeZoneColumn: "Time zone" });
    for (const column of ["timezone", "TZ", "time_zone", "Zone", "Zeitzone", "Customer Time Zone", "local_timezone", "tzid"]) {
      expect(suggestMapping(["msisdn", column]).timeZoneColumn).toBe(column);
    }
  });

  it("does not take a region or an offset for a time zone", () => {
    expect(suggestMapping(["phone", "delivery_zone", "zone_id", "utc_offset", "tz_offset"])).toEqual({ phoneColumn: "phone" });
    expect(suggestMapping(["phone", "timezone_name"])).toEqual({ phoneColumn: "phone", timeZoneColumn: "timezone_name" });
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

  it("keeps an optional time zone column, but not one that is the phone or name column", () => {
    expect(recipientMappingSchema.parse({ phoneColumn: "phone", timeZoneColumn: " tz " }).timeZoneColumn).toBe("tz");
    const onPhone = recipientMappingSchema.safeParse({ phoneColumn: "phone", timeZoneColumn: "phone" });
    expect(onPhone.error?.issues).toEqual([expect.objectContaining({ path: ["timeZoneColumn"], message: '"phone" is already the phone column' })]);
    const onName = recipientMappingSchema.safeParse({ phoneColumn: "phone", nameColumn: "who", timeZoneColumn: "who" });
    expect(onName.error?.issues).toEqual([expect.objectContaining({ path: ["timeZoneColumn"], message: '"who" is already the name column' })]);
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
    const zoned = recipientMappingSchema.parse({ phoneColumn: "phone", timeZoneColumn: "Zone" });
    expect(mappingColumnProblems(zoned, ["phone", "zone"])).toEqual({ timeZoneColumn: 'The file has no column "Zone"' });
  });
});
