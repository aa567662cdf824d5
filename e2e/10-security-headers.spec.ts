import { expect, test, type Page } from "@playwright/test";
import { ADMIN, SUPERVISOR, signIn } from "./fixtures";

// Runs after 01-foundation (files run in name order on one server): the admin and the supervisor exist, and the
// campaign specs have left campaigns behind.
test.describe.configure({ mode: "serial" });

const EVIL = "http://evil.example";
// Numbers no other spec uses.
const CROSS_SITE_NUMBER = "+12015550199";
const SAME_SITE_NUMBER = "+12015550198";

/** Records every Content-Security-Policy violation the page reports, from the first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) consoleErrors.push(msg.text());
  });
  // Init scripts run through the DevTools protocol, outside the page's policy.
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return async () => [...consoleErrors, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

test("every answer carries the security headers; pages get a fresh nonce that Next puts on its scripts", async ({ request }) => {
  const api = await request.get("/api/health");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // The console under test has no https PUBLIC_URL.
  expect(api.headers()["strict-transport-security"]).toBeUndefined();

  const first = await request.get("/login");
  expect(first.ok()).toBe(true);
  const policy = first.headers()["content-security-policy"]!;
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("'unsafe-eval'");
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const second = await request.get("/login");
  expect(/'nonce-([^']+)'/.exec(second.headers()["content-security-policy"]!)?.[1]).not.toBe(nonce);

  const asset = /<script\b[^>]*src="([^"]+)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  expect((await request.get(asset!)).headers()["x-content-type-options"]).toBe("nosniff");
});

test("the console works under its policy: signing in and moving around reports no violation", async ({ page }) => {
  const violations = await watchCsp(page);
  // Signing in needs the page's scripts to run.
  await signIn(page, ADMIN);
  for (const path of ["/campaigns", "/suppression", "/settings/api-keys", "/settings/users", "/audit"]) {
    await page.goto(path);
    await expect(page.getByTestId("signed-in-user")).toHaveText(ADMIN.email);
  }
  // A campaign page, with its progress bars (inline style attributes).
  await page.goto("/campaigns");
  const firstCampaign = page.locator('a[href^="/campaigns/"]:not([href="/campaigns/new"])').first();
  if (await firstCampaign.count()) {
    await firstCampaign.click();
    await expect(page).toHaveURL(/\/campaigns\/[^/]+$/);
  }
  // The API key dialog opens (client-side JavaScript), and its expiry field is there.
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByRole("dialog", { name: "Create API key" }).getByLabel("Expires on (optional)")).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("signed-in browsers' cookies cannot change anything from another site; the console's own pages still can", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  const listed = await page.request.get("/api/v1/campaigns");
  expect(listed.status()).toBe(200);
  // Answers with personal data are not kept by the browser or a proxy.
  expect(listed.headers()["cache-control"]).toContain("no-store");
  const campaigns = ((await listed.json()) as { campaigns: { id: string; status: string }[] }).campaigns;
  expect(campaigns.length).toBeGreaterThan(0);
  const target = campaigns.find((c) => c.status === "running" || c.status === "scheduled") ?? campaigns[0]!;

  // The classic form post from another site: text/plain needs no CORS preflight, and the browser sends the cookie.
  const pause = await page.request.post(`/api/v1/campaigns/${target.id}/pause`, { headers: { origin: EVIL, "content-type": "text/plain" }, data: "x" });
  expect(pause.status()).toBe(403);
  expect((await pause.json()).error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/another site/) });
  const after = (await (await page.request.get(`/api/v1/campaigns/${target.id}`)).json()) as { campaign: { status: string } };
  expect(after.campaign.status).toBe(target.status);

  // Without Origin, the browser's Sec-Fetch-Site says the same.
  const noOrigin = await page.request.post(`/api/v1/campaigns/${target.id}/pause`, {
    headers: { "sec-fetch-site": "cross-site", "content-type": "text/plain" },
    data: "x",
  });
  expect(noOrigin.status()).toBe(403);

  // A cross-site multipart suppression import is refused and adds nothing.
  const form = { lines: "+1 201 555 0199", reason: "Cross-site attempt" };
  const crossImport = await page.request.post("/api/suppression/import", { headers: { origin: EVIL }, multipart: form });
  expect(crossImport.status()).toBe(403);
  const search = async (q: string) =>
    ((await (await page.request.get(`/api/suppression?q=${encodeURIComponent(q)}`)).json()) as { rows: { phone: string }[] }).rows;
  expect((await search("201 555 0199")).map((r) => r.phone)).not.toContain(CROSS_SITE_NUMBER);

  // The same request from the console's own origin goes through.
  const own = new URL(page.url()).origin;
  const ownImport = await page.request.post("/api/suppression/import", {
    headers: { origin: own },
    multipart: { lines: "+1 201 555 0198", reason: "Same-origin import" },
  });
  expect(ownImport.status()).toBe(200);
  expect((await search("201 555 0198")).map((r) => r.phone)).toContain(SAME_SITE_NUMBER);
});

test("API keys are refused outside /api/v1, with a message saying where they work", async ({ request }) => {
  const res = await request.get("/api/contacts", { headers: { authorization: "Bearer oc_whatever_notakey" } });
  expect(res.status()).toBe(401);
  expect((await res.json()).error.message).toMatch(/API keys work on \/api\/v1 only/);
});
