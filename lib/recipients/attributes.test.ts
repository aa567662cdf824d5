import { describe, expect, it } from "vitest";
import { attributesByteLength, isAttributeKey, utf8ByteLength } from "./attributes";

describe("utf8ByteLength", () => {
  it("counts bytes as UTF-8 encodes them, not characters", () => {
    for (const text of ["", "abc", "é", "Zoë Müller", "€", "日本語", "😀", "a😀b", "\ud800", "x\udc00y"]) {
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).byteLength);
    }
    expect(utf8ByteLength("😀")).toBe(4);
    expect(utf8ByteLength("€")).toBe(3);
  });
});

describe("attributesByteLength", () => {
  it("adds up every key and value", () => {
    expect(attributesByteLength({ city: "Köln", id: "7" })).toBe(4 + 5 + 2 + 1);
  });
});

describe("isAttributeKey", () => {
  it("allows alphanumerics, - and _ only", () => {
    expect(["orderId", "order_id", "order-id", "A1"].every(isAttributeKey)).toBe(true);
    expect(["order id", "order.id", "", "städte", "a:b", "__proto__"].some(isAttributeKey)).toBe(false);
  });
});
