import { describe, expect, it } from "vitest";
import { menuIndexAfter } from "./menu-navigation";

describe("menuIndexAfter", () => {
  it("moves down and up one item, wrapping at either end", () => {
    expect(menuIndexAfter("ArrowDown", 0, 3)).toBe(1);
    expect(menuIndexAfter("ArrowDown", 2, 3)).toBe(0);
    expect(menuIndexAfter("ArrowUp", 2, 3)).toBe(1);
    expect(menuIndexAfter("ArrowUp", 0, 3)).toBe(2);
  });

  it("starts from the first item going down and the last going up when no item has focus", () => {
    expect(menuIndexAfter("ArrowDown", -1, 3)).toBe(0);
    expect(menuIndexAfter("ArrowUp", -1, 3)).toBe(2);
  });

  it("jumps to the first and last item with Home and End", () => {
    expect(menuIndexAfter("Home", 2, 4)).toBe(0);
    expect(menuIndexAfter("End", 0, 4)).toBe(3);
  });

  it("leaves other keys, and an empty menu, to the browser", () => {
    expect(menuIndexAfter("Enter", 1, 3)).toBeNull();
    expect(menuIndexAfter("a", 1, 3)).toBeNull();
    expect(menuIndexAfter("ArrowDown", -1, 0)).toBeNull();
  });
});
