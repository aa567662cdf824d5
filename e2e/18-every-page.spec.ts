import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./fixtures";
import { smallTargets } from "./target-size";

// Runs last (files run in name order on one server): earlier stories left campaigns, contacts, events and users, so
// every page has real content. Each page, at a desktop and a phone width, in light and dark: no serious or critical
// accessibility violation, nothing wider than the window, and every target big enough to touch; the main pages are
// attached as screenshots for a person to look over.
test.describe.configure({ mode: "serial" });

const SIZES = [
  { name: "1440", width: 1440, height: 900 },
  { name: "390", width: 390, height: 844 },
] as const;
const SCHEMES = ["light", "dark"] as const;
const STATIC_PAGES = [
  "/campaigns",
  "/campaigns/new",
  "/contacts",
  "/events",
  "/suppression",
  "/audit",
  "/approvals",
  "/settings",
  "/settings/users",
  "/settings/api-keys",
  "/settings/integrations",
  "/change-password",
];

async function firstDetailLink(page: Page, list: string, pattern: RegExp): Promise<string> {
  await page.goto(list);
  // Lists load after the page: wait for a row's link.
  let href: string | undefined;
  await expect
    .poll(
      async () => {
        const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
        href = hrefs.find((h) => pattern.test(h));
        return href !== undefined;
      },
      { message: `a link matching ${pattern} on ${list}` },
    )
    .toBe(true);
  return href!;
}

async function settingsPages(page: Page): Promise<string[]> {
  await page.goto("/settings");
  const hrefs = await page.locator('a[href^="/settings/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => /^\/settings\/[a-z-]+$/.test(h)))];
}

/** The pages (with a campaign and a contact) a person looks over: a screenshot of each, every size and scheme, goes with the report. */
const MAIN_PAGES = ["/campaigns", "/campaigns/new", "/contacts", "/events", "/suppression", "/audit", "/settings"];

interface CheckOptions {
  /** Attach a screenshot of the window as the page is. */
  screenshot?: boolean;
  /** Check target sizes (layout alone decides them, so once per width is enough). */
  targets?: boolean;
}

async function check(page: Page, path: string, label: string, scheme: (typeof SCHEMES)[number], options: CheckOptions = {}) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  // The theme follows the system setting unless the reader chose one.
  if (scheme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  // Lists, charts and live cards fill in after their first fetch; live pages keep polling, so the wait is bounded (their first answer comes well within it).
  await page.waitForLoadState("networkidle", { timeout: 750 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect
    .soft(
      bad.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      ),
      `${label}: serious or critical accessibility violations`,
    )
    .toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect.soft(overflow, `${label}: page wider than the window by ${overflow} px`).toBeLessThanOrEqual(0);
  if (options.targets) expect.soft(await smallTargets(page), `${label}: targets under 24 × 24 px without 24 px of room`).toEqual([]);
  if (options.screenshot) await test.info().attach(label, { body: await page.screenshot(), contentType: "image/png" });
}

test("every page at 1440 and 390 px, light and dark: no serious accessibility violation, nothing wider than the window, targets big enough", async ({
  page,
}) => {
  test.setTimeout(600_000);
  await signIn(page, ADMIN);
  const campaign = await firstDetailLink(page, "/campaigns", /^\/campaigns\/[0-9a-f-]{36}$/);
  const contact = await firstDetailLink(page, "/contacts", /^\/contacts\/[^/?#]+$/);
  const pages = [...new Set([...STATIC_PAGES, ...(await settingsPages(page)), campaign, contact])];
  const shown = new Set([...MAIN_PAGES, campaign, contact]);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const path of pages) {
        await check(page, path, `${path} at ${size.name} px, ${scheme}`, scheme, { screenshot: shown.has(path), targets: scheme === "light" });
      }
    }
  }
  // The sign-in page, signed out.
  await page.context().clearCookies();
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await check(page, "/login", `/login at ${size.name} px, ${scheme}`, scheme, { targets: scheme === "light" });
    }
  }
});

test("on a phone the sections open from the header's menu, which closes as a link is followed", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ADMIN);
  await page.goto("/campaigns");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await page.getByRole("button", { name: "Open menu" }).click();
  const drawer = page.getByRole("dialog", { name: "Outbound Console" });
  await drawer.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(drawer).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a skip link leads past the navigation to the page's content", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/campaigns");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});
