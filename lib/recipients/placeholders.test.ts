import { describe, expect, it } from "vitest";
import { compileTemplate, extractPlaceholders, renderTemplate, replacePlaceholder } from "./placeholders";

describe("extractPlaceholders", () => {
  it("lists each name once, trimmed, in order of first use", () => {
    expect(extractPlaceholders("Hi {{name}}, {{ order_id }} is in {{city}}. Bye {{ name }}!")).toEqual(["name", "order_id", "city"]);
  });

  it("keeps names case-sensitive", () => {
    expect(extractPlaceholders("{{Name}} {{name}}")).toEqual(["Name", "name"]);
  });

  it("ignores escaped braces and empty braces", () => {
    expect(extractPlaceholders("Use \\{{code}} or {{ }} as is, {{real}}")).toEqual(["real"]);
  });
});

describe("renderTemplate", () => {
  it("fills placeholders from the values", () => {
    expect(renderTemplate("Hi {{ name }}, pick up in {{city}}.", { name: "Zoë", city: "Leeds" })).toEqual({ text: "Hi Zoë, pick up in Leeds.", missing: [] });
  });

  it("leaves missing or blank values as written and lists them once", () => {
    expect(renderTemplate("{{name}} / {{ city }} / {{city}}", { name: "  ", other: "x" })).toEqual({
      text: "{{name}} / {{ city }} / {{city}}",
      missing: ["name", "city"],
    });
  });

  it("writes an escaped \\{{ as literal braces", () => {
    expect(renderTemplate("Reply \\{{STOP}} to {{name}}", { name: "Ann" }).text).toBe("Reply {{STOP}} to Ann");
  });

  it("does not take values from the object prototype", () => {
    expect(renderTemplate("{{constructor}}{{toString}}", {}).missing).toEqual(["constructor", "toString"]);
  });

  it("renders a compiled template the same as its text", () => {
    const template = "Order {{id}} for {{name}}";
    expect(renderTemplate(compileTemplate(template), { id: "7", name: "Bo" })).toEqual(renderTemplate(template, { id: "7", name: "Bo" }));
  });

  it("does not substitute inside a value (no second pass)", () => {
    expect(renderTemplate("{{a}}", { a: "{{b}}", b: "x" }).text).toBe("{{b}}");
  });
});

describe("replacePlaceholder", () => {
  it("rewrites every use of the name, however spaced, and nothing else", () => {
    expect(replacePlaceholder("{{cty}} and {{ cty }}, not {{city2}} or \\{{cty}}", "cty", "City")).toBe("{{City}} and {{City}}, not {{city2}} or \\{{cty}}");
  });
});
