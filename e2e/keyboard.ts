import { expect, type Locator, type Page } from "@playwright/test";

/** What has keyboard focus, in words, for a failure message. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "nothing (the page body)";
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? el.textContent ?? "";
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}> "${label.trim().slice(0, 60)}"`;
  });
}

/**
 * Presses `key` (Tab, Shift+Tab, an arrow) until `target` has focus; fails, naming where focus went, if it is not reached
 * within `max` presses. Counting presses to a fixed number would break whenever a field is added above.
 */
export async function pressUntilFocused(page: Page, target: Locator, key = "Tab", max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  const where = await describeFocus(page);
  expect(await target.evaluate((el) => el === document.activeElement), `${key} ×${max} never reached ${target}; focus is on ${where}`).toBe(true);
}

/**
 * A native select with focus: Home, then ArrowDown until the chosen option's text contains `text` (closed selects
 * change value on arrow keys, as a keyboard user does it).
 */
export async function chooseOptionByKeyboard(page: Page, select: Locator, text: string): Promise<void> {
  await expect(select).toBeFocused();
  await expect(select.locator("option", { hasText: text }).first()).toBeAttached();
  await page.keyboard.press("Home");
  const count = await select.locator("option").count();
  for (let i = 0; i < count; i++) {
    const chosen = await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? "");
    if (chosen.includes(text)) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`No option containing "${text}" could be reached with the arrow keys`);
}

/**
 * The focused element shows that it has focus: an outline, or a ring drawn as a box shadow (Tailwind's focus-visible
 * ring). A shadow of zero spread or a transparent colour does not count.
 */
export async function expectFocusVisible(page: Page, what: string): Promise<void> {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow, focusVisible: el.matches(":focus-visible") };
  });
  expect(style.focusVisible, `${what}: focus is keyboard focus (:focus-visible)`).toBe(true);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  expect(
    outline || ringVisible(style.boxShadow),
    `${what}: no visible focus indicator (outline ${style.outlineStyle} ${style.outlineWidth}, shadow ${style.boxShadow})`,
  ).toBe(true);
}

function ringVisible(boxShadow: string): boolean {
  if (boxShadow === "none") return false;
  // Split on the commas between shadows, not those inside a colour function.
  const shadows: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < boxShadow.length; i++) {
    const c = boxShadow[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      shadows.push(boxShadow.slice(start, i));
      start = i + 1;
    }
  }
  shadows.push(boxShadow.slice(start));
  return shadows.some((shadow) => {
    const lengths = [...shadow.matchAll(/(-?[\d.]+)px/g)].map((m) => Number(m[1]));
    const spread = lengths[3] ?? 0;
    const blur = lengths[2] ?? 0;
    const colour = shadow.replace(/-?[\d.]+px/g, "").trim();
    const transparent = colour === "transparent" || /rgba\(0, 0, 0, 0\)/.test(colour) || /\/\s*0\)$/.test(colour);
    return !transparent && (spread > 0 || blur > 0);
  });
}
