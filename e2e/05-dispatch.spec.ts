import { expect, test, type Locator, type Page } from "@playwright/test";
import { SUPERVISOR, signIn } from "./fixtures";

// Runs after 04-campaigns (files run in name order on one server), whose two-recipient campaign was launched.
test.describe.configure({ mode: "serial" });

async function selectByText(select: Locator, text: string) {
  const option = select.locator("option", { hasText: text }).first();
  await expect(option).toBeAttached();
  await select.selectOption((await option.getAttribute("value"))!);
}

async function composeAndLaunch(page: Page, name: string, phones: string[], sendsPerSecond: number) {
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill(name);
  await selectByText(page.getByLabel("Connect instance"), "acme-support");
  await page.getByRole("radio", { name: "SMS" }).check();
  await selectByText(page.getByLabel("Source number"), "+12065550142");
  await selectByText(page.getByLabel("Contact flow"), "Outbound SMS notifications");
  await page.getByRole("radio", { name: "Paste recipients" }).check();
  await page.getByLabel("Recipients", { exact: true }).fill(phones.map((p, i) => `${p},Person ${i + 1}`).join("\n"));
  await page.getByRole("radio", { name: "Text message" }).check();
  await page.getByLabel("Message", { exact: true }).fill("Hello {{name}}");
  await page.getByLabel("Sends per second").fill(String(sendsPerSecond));
  await page.getByRole("button", { name: "Check recipients" }).click();
  await expect(page.getByRole("region", { name: "Recipient check" })).toContainText(`Valid (${phones.length})`);
  await page.getByRole("button", { name: "Launch…" }).click();
  await page.getByRole("dialog", { name: "Launch campaign" }).getByRole("button", { name: `Send to ${phones.length} recipients` }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
}

test("a launched campaign is sent to everyone and its progress reaches 100%", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "Spring reminders (final)" }).click();
  await expect(page.getByTestId("progress-percent")).toHaveText("100%", { timeout: 20_000 });
  await expect(page.getByTestId("campaign-status")).toHaveText("Completed");
  await expect(page.getByTestId("live-sent")).toHaveText("2");
});

test("pause and resume part-way: sending stops, then finishes with every recipient sent once", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  const phones = Array.from({ length: 16 }, (_, i) => `+1206555${String(110 + i).padStart(4, "0")}`);
  await composeAndLaunch(page, "Paced reminders", phones, 2);

  await expect.poll(async () => Number(await page.getByTestId("live-sent").textContent()), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("Paused", { timeout: 5_000 });
  await expect(page.getByText(/Paused: Paused by sam@example.com/)).toBeVisible();
  const atPause = Number(await page.getByTestId("live-sent").textContent());
  await page.waitForTimeout(2_500);
  // Sends already in flight when the pause landed may still be recorded; nothing new starts.
  expect(Number(await page.getByTestId("live-sent").textContent())).toBeLessThanOrEqual(atPause + 2);
  expect(Number(await page.getByTestId("live-sent").textContent())).toBeLessThan(phones.length);

  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByTestId("progress-percent")).toHaveText("100%", { timeout: 30_000 });
  await expect(page.getByTestId("campaign-status")).toHaveText("Completed");
  await expect(page.getByTestId("live-sent")).toHaveText(String(phones.length));

  const contacts = (await (await page.request.get("http://127.0.0.1:4710/_local/contacts")).json()) as { contacts: { customerAddress: string }[] };
  // Exactly once: each number appears once among the simulator's contacts.
  const reached = contacts.contacts.map((c) => c.customerAddress).filter((a) => phones.includes(a));
  expect(reached.sort()).toEqual([...phones].sort());

  await page.goto("/audit?target=campaign");
  for (const action of ["campaign.started", "campaign.paused", "campaign.resumed", "campaign.completed"]) {
    await expect(page.getByRole("table").getByText(action, { exact: true }).first()).toBeVisible();
  }
});
