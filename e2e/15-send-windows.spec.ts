import { expect, test } from "@playwright/test";
import { confirmLaunch, pickSmsSetup } from "./composer";
import { SUPERVISOR, signIn } from "./fixtures";

// Runs after 01-foundation and 04-campaigns (files run in name order on one server): the supervisor exists.
test.describe.configure({ mode: "serial" });

const ZONE = "Pacific/Honolulu";
const RECIPIENTS = 5;
// Honolulu numbers: area code 808 maps to one zone.
const lines = Array.from({ length: RECIPIENTS }, (_, i) => `(808) 202-${String(1000 + i)},Person ${i + 1}`);
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** Tomorrow's weekday in the recipients' zone: a window open only then is closed now, whatever the hour. */
function tomorrowIn(zone: string): (typeof DAYS)[number] {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "long" }).format(new Date(Date.now() + 86_400_000));
  return name as (typeof DAYS)[number];
}

test("recipients in a zone whose window is closed now wait, with the reason and when it opens", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, SUPERVISOR);
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("Aloha reminders");
  await pickSmsSetup(page);
  await page.getByRole("radio", { name: "Paste recipients" }).check();
  await page.getByLabel("Recipients", { exact: true }).fill(lines.join("\n"));
  await page.getByRole("radio", { name: "Text message" }).check();
  await page.getByLabel("Message", { exact: true }).fill("Hi {{name}}, your appointment is tomorrow.");

  // Hours of its own: 09:00–17:00 tomorrow (Honolulu time) only.
  const window = page.getByRole("group", { name: "Send window" });
  await window.getByRole("radio", { name: "Hours of its own" }).check();
  const open = tomorrowIn(ZONE);
  for (const day of DAYS) {
    const box = window.getByRole("checkbox", { name: day });
    if (day === open) await box.check();
    else await box.uncheck();
  }
  await window.getByLabel("From").fill("09:00");
  await window.getByLabel("Until").fill("17:00");

  await page.getByRole("button", { name: "Check recipients" }).click();
  const check = page.getByRole("region", { name: "Recipient check" });
  await expect(check.getByText(`Valid (${RECIPIENTS})`)).toBeVisible();
  await expect(check).toContainText(`${RECIPIENTS} of ${RECIPIENTS} are outside their send window now; the next opens at 09:00 ${ZONE}`);

  await page.getByRole("button", { name: "Launch…" }).click();
  await confirmLaunch(page, RECIPIENTS);
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);

  // Nothing is sent: every row waits, pending, its attempt not counted, the reason naming when and where it opens.
  const table = page.getByRole("table", { name: "Recipients" });
  await expect(async () => {
    await page.reload();
    await expect(table.locator('[data-waiting-for="send_window"]')).toHaveCount(RECIPIENTS);
  }).toPass({ timeout: 30_000 });
  await expect(table.getByText(`waiting for send window (opens 09:00 ${ZONE})`)).toHaveCount(RECIPIENTS);
  await expect(page.getByTestId("live-sent")).toHaveText("0");
  // The live card counts them, and the Waiting filter finds every one.
  await expect(page.getByTestId("live-waiting")).toContainText(`${RECIPIENTS} waiting for their send window`);
  await page.getByLabel("Waiting for").selectOption("send_window");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/waiting=send_window/);
  await expect(table.locator('[data-waiting-for="send_window"]')).toHaveCount(RECIPIENTS);
  // The configuration names the window the campaign keeps to.
  await expect(page.getByText(new RegExp(`^Own: .*${open.slice(0, 3)} 09:00–17:00`))).toBeVisible();

  await page.getByRole("button", { name: "Cancel campaign" }).click();
  const cancel = page.getByTestId("confirm-dialog");
  await expect(cancel).toContainText("not yet sent will be skipped");
  await cancel.getByRole("button", { name: "Cancel campaign" }).click();
  // Cancelled with every row still waiting: none of them was sent.
  await expect(page.getByTestId("campaign-status")).toHaveText(`Cancelled · ${RECIPIENTS} not sent`, { timeout: 15_000 });
});
