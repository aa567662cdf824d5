import { describe, expect, it } from "vitest";
import { EDGE, GAP, placeMenu } from "./menu-placement";

const phone = { width: 390, height: 844 };
const desktop = { width: 1440, height: 900 };
const menu = { width: 224, height: 118 };
const trigger = (left: number, top: number) => ({ left, top, right: left + 32, bottom: top + 32 });

describe("placeMenu", () => {
  it("opens under the trigger with the right edges lined up", () => {
    expect(placeMenu(trigger(1300, 200), menu, desktop)).toEqual({ left: 1332 - 224, top: 232 + GAP });
  });

  it("stays inside a 390 px viewport when the trigger is near either side", () => {
    expect(placeMenu(trigger(20, 200), menu, phone).left).toBe(EDGE);
    // A table scrolled sideways can put the trigger partly past the right edge.
    expect(placeMenu(trigger(370, 200), menu, phone).left).toBe(390 - EDGE - 224);
  });

  it("opens above the trigger when there is no room below", () => {
    expect(placeMenu(trigger(300, 780), menu, phone)).toEqual({ left: 332 - 224, top: 780 - GAP - 118 });
  });

  it("keeps a menu taller than the room on both sides inside the viewport", () => {
    const tall = { width: 224, height: 500 };
    const short = { width: 390, height: 600 };
    const { top } = placeMenu(trigger(300, 280), tall, short);
    expect(top).toBeGreaterThanOrEqual(EDGE);
    expect(top + tall.height).toBeLessThanOrEqual(short.height - EDGE);
  });
});
