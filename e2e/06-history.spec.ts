import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { listLocalContacts } from "../lib/connect-local/local-listing";
import { composeAndLaunch } from "./composer";
import { ADMIN, SUPERVISOR, addUser, signIn, signOut } from "./fixtures";

// Runs after 05-dispatch on the same server. Connect (the simulator of this server) fails every send for a while,
// so part of a campaign fails; the supervisor finds those rows, retries them and exports the result; a viewer sees
// the same history without the Retry button.
test.describe.configure({ mode: "serial" });

const SIMULATOR = "http://127.0.0.1:4710";
const NAME = "History retry";
const PHONES = Array.from({ length: 6 }, (_, i) => `+1206555${String(300 + i).padStart(4, "0")}`);
let historyContactUrl = "";
const HISTORIAN = { email: "hana@example.com", name: "Hana Historian", password: "history-viewer-2024!" };

async function setFaults(page: Page, faults: Record<string, number>) {
  const res = await page.request.put(`${SIMULATOR}/_local/config`, { data: { faults } });
  expect(res.ok()).toBeTruthy();
}

const liveCount = async (page: Page, key: string) => Number(await page.getByTestId(`live-${key}`).textContent());

test.afterAll(async ({ request }) => {
  await request.put(`${SIMULATOR}/_local/config`, { data: { faults: {} } });
});

test("failed sends are found, retried with the same contacts for anyone reached, and exported", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, SUPERVISOR);
  await composeAndLaunch(page, NAME, PHONES, 1);
  await expect.poll(() => liveCount(page, "sent"), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  // From here every call fails; each remaining row gives up after its retries and ends failed.
  await setFaults(page, { InternalServiceException: 1 });
  await expect(page.getByTestId("campaign-status")).toHaveText(/^Completed/, { timeout: 60_000 });
  await setFaults(page, {});
  const failed = await liveCount(page, "failed");
  expect(failed).toBeGreaterThan(0);
  expect((await liveCount(page, "sent")) + failed).toBe(PHONES.length);
  // A finished campaign says what did not go out, from the same live figures as the progress card, and no rate.
  await expect(page.getByTestId("campaign-status")).toHaveText(`Completed · ${failed} failed`);
  await expect(page.getByTestId("count-failed")).toHaveText(String(failed));
  await expect(page.getByTestId("live-final")).toContainText(`Sent ${PHONES.length - failed} of ${PHONES.length} · ${failed} failed · took`);
  await expect(page.getByTestId("live-rate")).toHaveCount(0);

  // The campaign page draws what happened: failures by error name, and the status history.
  await expect(page.getByTestId("failures-chart")).toContainText("InternalServiceException", { timeout: 15_000 });
  await expect(page.getByTestId("sends-chart")).toBeVisible();
  await expect(page.locator('[data-testid="status-history-entry"][data-action="campaign.completed"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-testid="status-history-entry"][data-action="campaign.launched"]')).toBeVisible();

  // Only the failed rows, each with the error Connect gave.
  await page.getByLabel("Status", { exact: true }).selectOption("failed");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=failed/);
  const table = page.getByRole("table", { name: "Recipients" });
  await expect(table.getByRole("row")).toHaveCount(failed + 1);
  await expect(table.getByText("InternalServiceException", { exact: true })).toHaveCount(failed);
  await page.getByLabel("Error name").fill("InternalServiceException");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/error=InternalServiceException/);
  await expect(table.getByRole("row")).toHaveCount(failed + 1);

  await page.getByRole("button", { name: "Retry failed" }).click();
  const dialog = page.getByRole("dialog", { name: "Retry failed recipients" });
  await dialog.getByRole("button", { name: `Retry ${failed} ${failed === 1 ? "recipient" : "recipients"}` }).click();
  await expect(page.getByText(`Queued ${failed} failed ${failed === 1 ? "recipient" : "recipients"} again`)).toBeVisible();
  await expect(page.getByTestId("live-sent")).toHaveText(String(PHONES.length), { timeout: 30_000 });
  await expect(page.getByTestId("campaign-status")).toHaveText("Completed");
  await expect(page.getByRole("button", { name: "Retry failed" })).toHaveCount(0);

  // Exactly once: every number reached once, however many times it was tried.
  const contacts = await listLocalContacts<{ contactId: string; customerAddress: string }>(SIMULATOR);
  expect(
    contacts
      .map((c) => c.customerAddress)
      .filter((a) => PHONES.includes(a))
      .sort(),
  ).toEqual([...PHONES].sort());

  await page.reload();
  await expect(page.getByText("No recipients match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(table.getByRole("row")).toHaveCount(PHONES.length + 1);
  await expect(table.getByText("Sent", { exact: true })).toHaveCount(PHONES.length);
  await page.getByLabel("Phone number").fill("555 0302");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("+12065550302");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(csv[0]).toMatch(/^line,phone,phone_as_written,name,status,/);
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain("'+12065550302");
  expect(csv[1]).toContain(",sent,");

  // The contact behind a sent row, as Connect (the simulator) describes it now.
  await table.getByTestId("recipient-contact-link").first().click();
  await expect(page).toHaveURL(/\/contacts\/[^/]+$/);
  const contactId = decodeURIComponent(page.url().split("/").pop()!);
  expect(contacts.find((c) => c.contactId === contactId)?.customerAddress).toBe("+12065550302");
  await expect(page.getByTestId("contact-summary")).toContainText("+12065550302");
  await expect(page.getByTestId("contact-summary")).toContainText(NAME);
  const live = page.getByTestId("contact-live-facts");
  await expect(live).toContainText("Still open");
  await expect(page.getByTestId("contact-segment-attributes")).toContainText("connect:Subtype = connect:SMS");
  await expect(live).toContainText("+12065550142");
  await expect(page.getByTestId("end-chat")).toBeVisible();
  historyContactUrl = page.url();

  await page.goto("/audit?target=campaign");
  for (const action of ["campaign.retry_failed", "campaign.exported"]) {
    await expect(page.getByRole("table").getByText(action, { exact: true }).first()).toBeVisible();
  }
});

test("a viewer finds the campaign in the list and sees its history, without Retry failed", async ({ page }) => {
  await signIn(page, ADMIN);
  await addUser(page, HISTORIAN, "Viewer");
  await signOut(page);
  await signIn(page, HISTORIAN);
  await page.goto("/campaigns");
  await expect(page.getByRole("link", { name: "New campaign" })).toHaveCount(0);
  await page.getByLabel("Name").fill("history");
  await page.getByLabel("Status").selectOption("completed");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/q=history/);
  const campaigns = page.getByRole("table", { name: "Campaigns" });
  await expect(campaigns.getByRole("row")).toHaveCount(2);
  await expect(campaigns).toContainText(`${PHONES.length} sent · 0 failed · 0 skipped of ${PHONES.length}`);
  await expect(campaigns).toContainText("+12065550142");
  await expect(campaigns).toContainText("Outbound SMS notifications");

  await campaigns.getByRole("link", { name: NAME }).click();
  await expect(page.getByRole("heading", { name: NAME })).toBeVisible();
  await expect(page.getByRole("table", { name: "Recipients" }).getByRole("row")).toHaveCount(PHONES.length + 1);
  await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Retry failed" })).toHaveCount(0);

  // The same contact page, read-only: no End chat for a viewer.
  await page.goto(historyContactUrl);
  await expect(page.getByTestId("contact-live-facts")).toContainText("Still open");
  await expect(page.getByTestId("end-chat")).toHaveCount(0);
  await page.goto("/contacts");
  await expect(page.getByTestId("contacts-table")).toContainText("+12065550302");
});
