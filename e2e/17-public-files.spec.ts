import { expect, test } from "@playwright/test";

// What a browser or crawler asks for before anyone signs in: served without a session, and the console asks not to
// be indexed.
test("the icon, the web manifest and robots.txt are served to anyone", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toContain("Disallow: /");

  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; icons: { src: string }[] };
  expect(body.name).toBe("Outbound Console");

  const icon = await request.get(body.icons[0]!.src);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("the sign-in page links the manifest and tells crawlers to stay out", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});
