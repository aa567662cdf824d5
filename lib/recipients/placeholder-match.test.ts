import { describe, expect, it } from "vitest";
import { matchColumns, placeholderProblemText, resolvePlaceholder, suggestPlaceholder, type PlaceholderSources } from "./placeholder-match";

const SOURCES: PlaceholderSources = { variables: ["orderId"], hasNameColumn: true, fixed: ["store"], columns: ["Phone", "First name", "City", "Order ID"] };

describe("resolvePlaceholder", () => {
  it("prefers a mapped variable, then the name column, then a fixed value, then a column", () => {
    expect(resolvePlaceholder("orderId", SOURCES)).toEqual({ kind: "variable" });
    expect(resolvePlaceholder("name", SOURCES)).toEqual({ kind: "name" });
    expect(resolvePlaceholder("store", SOURCES)).toEqual({ kind: "fixed" });
    expect(resolvePlaceholder("City", SOURCES)).toEqual({ kind: "column", column: "City" });
  });

  it("finds a column whatever the case, spacing, or choice of space, _ or -", () => {
    for (const name of ["city", " CITY "]) expect(resolvePlaceholder(name, SOURCES)).toEqual({ kind: "column", column: "City" });
    for (const name of ["order id", "Order_ID", "order-id", "ORDER  ID"])
      expect(resolvePlaceholder(name, SOURCES)).toEqual({ kind: "column", column: "Order ID" });
  });

  it("does not take a variable or {{name}} in another case", () => {
    expect(resolvePlaceholder("orderid", { ...SOURCES, columns: [] })).toEqual({ kind: "missing", suggestion: "orderId" });
    expect(resolvePlaceholder("Name", { ...SOURCES, columns: [] })).toEqual({ kind: "missing", suggestion: "name" });
  });

  it("refuses to pick between columns that differ only in case, unless one is written exactly", () => {
    const sources = { ...SOURCES, columns: ["city", "CITY"] };
    expect(resolvePlaceholder("City", sources)).toEqual({ kind: "ambiguous", columns: ["city", "CITY"] });
    expect(resolvePlaceholder("CITY", sources)).toEqual({ kind: "column", column: "CITY" });
  });
});

describe("matchColumns", () => {
  it("lists nothing for a name no column has", () => {
    expect(matchColumns("town", SOURCES.columns)).toEqual([]);
  });
});

describe("suggestPlaceholder", () => {
  const candidates = ["orderId", "name", "City", "Order ID", "postcode"];

  it("suggests a name within two edits, ignoring case", () => {
    expect(suggestPlaceholder("cty", candidates)).toBe("City");
    expect(suggestPlaceholder("ctiy", candidates)).toBe("City");
    expect(suggestPlaceholder("nmae", candidates)).toBe("name");
    expect(suggestPlaceholder("orderid", candidates)).toBe("orderId");
  });

  it("suggests a name begun part way, or one that begins a longer name", () => {
    expect(suggestPlaceholder("post", candidates)).toBe("postcode");
    expect(suggestPlaceholder("postcode_area", candidates)).toBe("postcode");
  });

  it("suggests nothing for names with nothing close", () => {
    expect(suggestPlaceholder("balance", candidates)).toBeUndefined();
    expect(suggestPlaceholder("id", ["ab"])).toBeUndefined();
  });
});

describe("placeholderProblemText", () => {
  it("keeps the plain sentence when there is nothing to suggest", () => {
    expect(placeholderProblemText("The message uses", "x", { kind: "missing", suggestion: undefined })).toBe(
      "The message uses {{x}}, but no column or fixed value provides it",
    );
  });

  it("asks about the suggestion, or names the columns that compete", () => {
    expect(placeholderProblemText("The message uses", "cty", { kind: "missing", suggestion: "City" })).toBe(
      "The message uses {{cty}}, but no column or fixed value provides it. Did you mean {{City}}?",
    );
    expect(placeholderProblemText("The template needs", "City", { kind: "ambiguous", columns: ["city", "CITY"] })).toBe(
      'The template needs {{City}}, but no column or fixed value provides it: more than one column matches it ("city", "CITY"). Map the one to use as a message variable',
    );
  });
});
