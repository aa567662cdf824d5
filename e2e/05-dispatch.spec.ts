import { expect, test } from "@playwright/test";
import { listLocalContacts } from "../lib/connect-local/local-listing";
import { composeAndLaunch } from "./composer";
import { SUPERVISOR, signIn } from "./fixtures";

// Runs after 04-campaigns (files run in name order on one server), whose two-recipient campaign was launched.
test.describe.configure({ mode: "serial" });

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

  const contacts = await listLocalContacts<{ customerAddress: string }>("http://127.0.0.1:4710");
  // Exactly once: each number appears once among the simulator's contacts.
  const reached = contacts.map((c) => c.customerAddress).filter((a) => phones.includes(a));
  expect(reached.sort()).toEqual([...phones].sort());

  await page.goto("/audit?target=campaign");
  for (const action of ["campaign.started", "campaign.paused", "campaign.resumed", "campaign.completed"]) {
    await expect(page.getByRole("table").getByText(action, { exact: true }).first()).toBeVisible();
  }
});
