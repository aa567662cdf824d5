import { describe, expect, it } from "vitest";
import { knownThemeChoice, themeChoiceForKey } from "./theme-choice";

describe("knownThemeChoice", () => {
  it("keeps the three choices and follows the system for anything else", () => {
    expect(knownThemeChoice("light")).toBe("light");
    expect(knownThemeChoice("dark")).toBe("dark");
    expect(knownThemeChoice("system")).toBe("system");
    expect(knownThemeChoice(undefined)).toBe("system");
    expect(knownThemeChoice("sepia")).toBe("system");
  });
});

describe("themeChoiceForKey", () => {
  it("moves forward with right and down, wrapping from the last to the first", () => {
    expect(themeChoiceForKey("system", "ArrowRight")).toBe("light");
    expect(themeChoiceForKey("light", "ArrowDown")).toBe("dark");
    expect(themeChoiceForKey("dark", "ArrowRight")).toBe("system");
  });

  it("moves back with left and up, wrapping from the first to the last", () => {
    expect(themeChoiceForKey("dark", "ArrowLeft")).toBe("light");
    expect(themeChoiceForKey("light", "ArrowUp")).toBe("system");
    expect(themeChoiceForKey("system", "ArrowLeft")).toBe("dark");
  });

  it("jumps to the ends with Home and End, and leaves other keys (Tab, Space, letters) to the browser", () => {
    expect(themeChoiceForKey("dark", "Home")).toBe("system");
    expect(themeChoiceForKey("system", "End")).toBe("dark");
    for (const key of ["Tab", " ", "Enter", "d"]) expect(themeChoiceForKey("light", key)).toBeNull();
  });
});
