import { expect, test } from "@playwright/test";
import { confirmLaunch, pickSmsSetup } from "./composer";
import { SUPERVISOR, signIn } from "./fixtures";

// A list of real size through the browser: the file is uploaded once, checked and saved with live progress, and the
// console keeps answering another tab meanwhile. Runs after 01-foundation: the supervisor exists.
test.describe.configure({ mode: "serial" });

const ROWS = 100_000;
const INVALID_EVERY = 100; // 1,000 rows that are not numbers
const DUPLICATE_EVERY = 200; // 500 rows repeating the row before them

function largeCsv(): { csv: Buffer; valid: number } {
  const lines = ["phone,name,plan"];
  let valid = 0;
  for (let i = 0; i < ROWS; i++) {
    if (i % INVALID_EVERY === 50) {
      lines.push(`not a number,Person ${i},gold`);
      continue;
    }
    // Exchanges 200–209 of area code 206: 100,000 distinct valid US numbers.
    const n = i % DUPLICATE_EVERY === 7 ? i - 1 : i;
    lines.push(`+1206${200 + Math.floor(n / 10_000)}${String(n % 10_000).padStart(4, "0")},Person ${i},silver`);
    if (n === i) valid++;
  }
  return { csv: Buffer.from(lines.join("\n"), "utf8"), valid };
}

test("a 100,000-row CSV is uploaded once, checked and saved with progress while another tab stays usable, then launched", async ({ page }) => {
  test.setTimeout(240_000);
  const { csv, valid } = largeCsv();
  await signIn(page, SUPERVISOR);
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("Large list");
  await pickSmsSetup(page);
  await page.getByRole("radio", { name: "Upload CSV" }).check();
  await page.getByLabel("CSV file").setInputFiles({ name: "large.csv", mimeType: "text/csv", buffer: csv });
  await expect(page.getByText("large.csv — 100,000 rows, 3 columns")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel("Phone column")).toHaveValue("phone");
  await page.getByRole("radio", { name: "Text message" }).check();
  await page.getByLabel("Message", { exact: true }).fill("Hi {{name}}, your plan renews soon.");
  await page.getByLabel("Sends per second").fill("1");

  await page.getByRole("button", { name: "Check recipients" }).click();
  await expect(page.getByRole("progressbar").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel check" })).toBeVisible();

  // Another tab opens the campaign list while the check runs: the console keeps answering.
  const other = await page.context().newPage();
  await other.goto("/campaigns");
  await expect(other.getByRole("heading", { name: "Campaigns" })).toBeVisible();

  const check = page.getByRole("region", { name: "Recipient check" });
  await expect(check.getByText(`Valid (${valid.toLocaleString("en-US")})`)).toBeVisible({ timeout: 120_000 });
  await expect(check.getByText("Invalid (1,000)")).toBeVisible();
  await expect(check.getByText("Duplicate (500)")).toBeVisible();
  await other.close();

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}\/edit$/, { timeout: 120_000 });
  await expect(page.getByText("Draft saved")).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Current file: large\.csv|large\.csv — 100,000 rows/).first()).toBeVisible();

  await page.getByRole("button", { name: "Launch…" }).click();
  await confirmLaunch(page, valid);
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/, { timeout: 120_000 });
  await expect(page.getByRole("heading", { name: "Large list" })).toBeVisible();
  // Paused at once, so the rest of the run does not spend the simulator's capacity on this list.
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText(/Paused/);
});
