import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/errors";
import { optKeywordsFormSchema, splitKeywords } from "./opt-keywords-form";

describe("the opt-out keywords form", () => {
  it("reads keywords separated by commas or lines, upper-cased, once each", () => {
    expect(splitKeywords(" stop,\nQuit\r\n\n, end ,")).toEqual(["stop", "Quit", "end"]);
    expect(optKeywordsFormSchema.parse({ optOut: "stop, quit\nSTOP", optIn: "start" })).toEqual({ optOut: ["STOP", "QUIT"], optIn: ["START"] });
    expect(optKeywordsFormSchema.parse({ optOut: "stop", optIn: "" })).toEqual({ optOut: ["STOP"], optIn: [] });
  });

  it("keeps words separated by a space together, and names the keyword that is wrong", () => {
    const wrong = optKeywordsFormSchema.safeParse({ optOut: "stop, opt out", optIn: "start" });
    expect(wrong.success).toBe(false);
    expect(fieldErrors(wrong.error!)).toEqual({ optOut: '"opt out": A keyword is one word: letters, digits or a hyphen' });
  });

  it("puts list-wide problems on their list", () => {
    const empty = optKeywordsFormSchema.safeParse({ optOut: " , ", optIn: "start" });
    expect(fieldErrors(empty.error!)).toEqual({ optOut: "Keep at least one opt-out keyword" });
    const both = optKeywordsFormSchema.safeParse({ optOut: "stop", optIn: "Stop" });
    expect(fieldErrors(both.error!)).toEqual({ optIn: "STOP cannot both opt out and opt in" });
  });
});
