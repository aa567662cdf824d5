import { describe, expect, it } from "vitest";
import { insertPlaceholder } from "./placeholder-insert";

describe("insertPlaceholder", () => {
  it("writes the placeholder at the cursor and puts the cursor after it", () => {
    expect(insertPlaceholder("Hi , see you", 3, 3, "name")).toEqual({ text: "Hi {{name}}, see you", caret: 11 });
  });

  it("replaces the selected text", () => {
    expect(insertPlaceholder("Pick up in TOWN today", 11, 15, "City")).toEqual({ text: "Pick up in {{City}} today", caret: 19 });
  });

  it("keeps to the text when the cursor is out of date", () => {
    expect(insertPlaceholder("Hi", 10, 12, "name")).toEqual({ text: "Hi{{name}}", caret: 10 });
  });
});
