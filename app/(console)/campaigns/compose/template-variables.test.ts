import { describe, expect, it } from "vitest";
import type { MessageValue } from "./form-values";
import { firstCsvRecipient } from "./csv-reader";
import { firstPastedRecipient } from "./sample-recipient";
import { columnTemplateVariables, matchColumns, matchingColumn, previewNotes, sampleAttributes, templateVariableText } from "./template-variables";

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

describe("matchColumns", () => {
  it("gives each variable without a source the column named like it, and keeps sources already chosen", () => {
    expect(matchColumns(["customerName", "orderId", "trackingUrl"], { customerName: { value: "there" } }, ["phone", "Customer name", "Order ID"])).toEqual({
      customerName: { value: "there" },
      orderId: { column: "Order ID" },
    });
  });
});

describe("sampleAttributes", () => {
  const sources = { customerName: { column: "name" }, orderId: { column: "Order ID" }, trackingUrl: { value: "https://t.example" } };

  it("takes fixed values, and the sample's cells for columns", () => {
    expect(sampleAttributes(["customerName", "orderId", "trackingUrl"], sources, { phone: "+1", name: "Ada", "Order ID": "A-1" })).toEqual({
      customerName: "Ada",
      orderId: "A-1",
      trackingUrl: "https://t.example",
    });
  });

  it("without a sample fills only fixed values, and ignores sources for names the template lacks", () => {
    expect(sampleAttributes(["customerName", "trackingUrl"], { ...sources, stale: { value: "x" } }, null)).toEqual({ trackingUrl: "https://t.example" });
  });
});

describe("previewNotes", () => {
  const sources = { customerName: { column: "name" }, orderId: { value: "" } };

  it("with a sample, every unfilled placeholder is a note", () => {
    expect(previewNotes(["customerName", "orderId", "trackingUrl"], sources, true)).toEqual({
      unfilled: ["customerName", "orderId", "trackingUrl"],
      fromColumns: [],
    });
  });

  it("without a sample, placeholders filled from columns are not called unfilled", () => {
    expect(previewNotes(["customerName", "orderId", "trackingUrl"], sources, false)).toEqual({
      unfilled: ["orderId", "trackingUrl"],
      fromColumns: [{ name: "customerName", column: "name" }],
    });
  });
});

describe("columnTemplateVariables", () => {
  it("lists the template variables each column feeds", () => {
    const message: MessageValue = {
      kind: "template",
      knowledgeBaseId: "kb",
      messageTemplateId: "t",
      templateName: "",
      variables: { customerName: { column: "name" }, greeting: { column: "name" }, orderId: { column: "order" }, trackingUrl: { value: "x" } },
    };
    expect(columnTemplateVariables(message)).toEqual(
      new Map([
        ["name", ["customerName", "greeting"]],
        ["order", ["orderId"]],
      ]),
    );
    expect(columnTemplateVariables({ kind: "none" }).size).toBe(0);
    expect(`Template ${templateVariableText(["customerName"])}`).toBe("Template variable {{customerName}}");
    expect(templateVariableText(["a", "b"])).toBe("variables {{a}}, {{b}}");
  });
});

describe("first recipient", () => {
  it("reads the first pasted line as phone and name", () => {
    expect(firstPastedRecipient("\n+14155552671, Ada Lovelace\n+14155552672, Bob\n")).toEqual({
      phone: "+14155552671",
      name: "Ada Lovelace",
    });
  });

  it("reads the first CSV row under its header, quotes and all", () => {
    expect(firstCsvRecipient('phone;name;Order ID\n+14155552671;"Lovelace; Ada";A-1\n+1;B;C\n')).toEqual({
      phone: "+14155552671",
      name: "Lovelace; Ada",
      "Order ID": "A-1",
    });
  });

  it("has no sample for an empty list or a header alone", () => {
    expect(firstPastedRecipient("  \n")).toBeNull();
    expect(firstCsvRecipient("phone,name\n")).toBeNull();
  });
});
