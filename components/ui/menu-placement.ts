// Where a menu opens next to its trigger, in viewport pixels: under it with the right edges lined up (row actions sit
// at the end of a row), above it when there is no room below, and always inside the viewport, down to 390 px wide.
export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Kept between the menu and the viewport's edges. */
export const EDGE = 8;
/** Between the trigger and the menu. */
export const GAP = 4;

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

export function placeMenu(trigger: Rect, menu: Size, viewport: Size): { left: number; top: number } {
  const left = clamp(trigger.right - menu.width, EDGE, Math.max(EDGE, viewport.width - EDGE - menu.width));
  const below = trigger.bottom + GAP;
  const above = trigger.top - GAP - menu.height;
  const fitsBelow = below + menu.height <= viewport.height - EDGE;
  const roomier = viewport.height - trigger.bottom >= trigger.top ? below : above;
  const top = fitsBelow ? below : above >= EDGE ? above : roomier;
  return { left, top: clamp(top, EDGE, Math.max(EDGE, viewport.height - EDGE - menu.height)) };
}
