import type { Page } from "@playwright/test";

/**
 * WCAG 2.5.8 Target Size (Minimum): every visible button, link, input, select, menu item and tab is at least 24 × 24
 * CSS px, or has room: a 24 px circle centred on it touches no other target and no other small target's circle.
 * Links inside running text (a link whose parent p, li, dd or td holds other text) are exempt, as the criterion allows.
 * Returns each offender as "name (tag) W×H" for the report.
 */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const MIN = 24;
    const selector = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="menuitem"], [role="tab"]';
    const inline = (el: Element) => {
      const parent = el.parentElement;
      return (
        el.tagName === "A" &&
        parent !== null &&
        ["P", "LI", "DD", "TD"].includes(parent.tagName) &&
        (parent.textContent ?? "").trim() !== (el.textContent ?? "").trim()
      );
    };
    const name = (el: Element) => {
      const labelled = el.getAttribute("aria-labelledby");
      const byId = labelled ? document.getElementById(labelled)?.textContent : null;
      const label = (el as HTMLInputElement).labels?.[0]?.textContent;
      const text = el.getAttribute("aria-label") ?? byId ?? label ?? el.textContent ?? el.getAttribute("title") ?? el.getAttribute("placeholder") ?? "";
      return text.replace(/\s+/g, " ").trim().slice(0, 60) || "(no name)";
    };
    const targets = [...document.querySelectorAll(selector)]
      .filter((el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      // Screen-reader-only elements (1 × 1, clipped) are not targets anyone touches until they show.
      .filter(({ box }) => box.width > 1 && box.height > 1)
      .filter(({ el }) => !inline(el));
    const small = targets.filter(({ box }) => box.width < MIN || box.height < MIN);
    const centre = (b: DOMRect) => ({ x: b.left + b.width / 2, y: b.top + b.height / 2 });
    const circleTouchesBox = (c: { x: number; y: number }, b: DOMRect) => {
      const dx = Math.max(b.left - c.x, 0, c.x - b.right);
      const dy = Math.max(b.top - c.y, 0, c.y - b.bottom);
      return dx * dx + dy * dy < (MIN / 2) ** 2;
    };
    // A target inside another (an input inside its label-link, say) is one target, not two.
    const related = (a: Element, b: Element) => a.contains(b) || b.contains(a);
    return small
      .filter(({ el, box }) => {
        const c = centre(box);
        const crowded = targets.some((o) => o.el !== el && !related(o.el, el) && circleTouchesBox(c, o.box));
        const circles = small.some((o) => {
          if (o.el === el || related(o.el, el)) return false;
          const d = centre(o.box);
          return Math.hypot(c.x - d.x, c.y - d.y) < MIN;
        });
        return crowded || circles;
      })
      .map(
        ({ el, box }) =>
          `"${name(el)}" (${el.tagName.toLowerCase()}${el.getAttribute("type") ? `[${el.getAttribute("type")}]` : ""}) ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
  });
}
