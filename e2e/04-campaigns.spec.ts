import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { confirmLaunch, pickSmsSetup } from "./composer";
import { ADMIN, SUPERVISOR, addUser, signIn, signOut } from "./fixtures";

// Runs after 01-foundation (files run in name order on one server): the admin and the supervisor exist.
test.describe.configure({ mode: "serial" });

const READER = { email: "reader@example.com", name: "Rita Reader", password: "reader-pass-2024!" };
const SUPPRESSED = "+12065550199";
// good, good (national format), duplicate of the first, not a number, suppressed
const CSV = [
  "phone;name;city",
  "+1 206 555 0100;Ada;Seattle",
  '"(206) 555-0101";"Bob, Jr.";Tacoma',
  "+12065550100;Ada again;Seattle",
  "call me;Eve;Nowhere",
  `${SUPPRESSED};Sue;Spokane`,
  "",
].join("\r\n");

let campaignUrl = "";

test("a supervisor composes a campaign from a CSV, checks it, tests it, saves, edits and launches it", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/suppression");
  await page.getByRole("button", { name: "Add number" }).click();
  const add = page.getByRole("dialog", { name: "Add number" });
  await add.getByLabel("Phone number").fill(SUPPRESSED);
  await add.getByLabel("Reason").fill("Asked not to be contacted");
  await add.getByRole("button", { name: "Add to list" }).click();
  await expect(add).toBeHidden();

  await page.goto("/campaigns");
  await page.getByRole("link", { name: "New campaign" }).click();
  await expect(page).toHaveURL(/\/campaigns\/new$/);
  await page.getByLabel("Campaign name").fill("Spring reminders");
  await pickSmsSetup(page);

  await page.getByRole("radio", { name: "Upload CSV" }).check();
  await page.getByLabel("CSV file").setInputFiles({ name: "spring.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${CSV}`, "utf8") });
  await expect(page.getByLabel("Phone column")).toHaveValue("phone");
  await page.getByLabel("Default country").fill("US");
  await page.getByRole("radio", { name: "Text message" }).check();
  await page.getByLabel("Message", { exact: true }).fill("Hi {{name}}, your appointment is confirmed.");

  await page.getByRole("button", { name: "Check recipients" }).click();
  const check = page.getByRole("region", { name: "Recipient check" });
  await expect(check.getByText("Invalid (1)")).toBeVisible();
  await expect(check.getByText("Duplicate (1)")).toBeVisible();
  await expect(check.getByText("Suppressed (1)")).toBeVisible();
  await expect(check).toContainText("Hi Ada, your appointment is confirmed.");
  // Focus moves to the result, and a screen reader hears it.
  await expect(check.getByRole("heading", { name: "Recipient check" })).toBeFocused();
  await expect(page.getByTestId("preflight-announcement")).toContainText("Check finished:");

  await page.getByLabel("Test number").fill("+12065550177");
  await page.getByRole("button", { name: "Send test message" }).click();
  await expect(page.getByText(/Test sent: ContactId/)).toBeVisible();

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}\/edit$/);
  await expect(page.getByText("Draft saved")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download report" }).click();
  const report = await (await download).path();
  const text = readFileSync(report, "utf8");
  expect(text).toMatch(/line,status,phone_as_written/);
  expect(text.split(/\r?\n/).filter(Boolean)).toHaveLength(6);
  expect(text).toContain("duplicate");

  await page.reload();
  await expect(page.getByLabel("Campaign name")).toHaveValue("Spring reminders");
  await page.getByLabel("Campaign name").fill("Spring reminders (final)");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved")).toBeVisible();

  await page.getByRole("button", { name: "Launch…" }).click();
  // One row in five is invalid, above the 10 % launch takes without asking.
  await confirmLaunch(page, 2, { acceptInvalid: true });
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  campaignUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: "Spring reminders (final)" })).toBeVisible();
  await expect(page.getByTestId("campaign-status")).not.toHaveText("Draft");
  await expect(page.getByRole("link", { name: "Edit draft" })).toHaveCount(0);

  await page.goto("/audit?target=campaign");
  for (const action of ["campaign.created", "campaign.updated", "campaign.launched"]) {
    await expect(page.getByRole("table").getByText(action, { exact: true }).first()).toBeVisible();
  }
  // A test send is audited against the contact it created.
  await page.goto("/audit?target=contact");
  await expect(page.getByRole("table").getByText("campaign.test_sent", { exact: true }).first()).toBeVisible();
});

test("a viewer opens the campaign but cannot change or launch it", async ({ page }) => {
  await signIn(page, ADMIN);
  await addUser(page, READER, "Viewer");
  await signOut(page);
  await signIn(page, READER);
  await page.goto(campaignUrl);
  await expect(page.getByRole("heading", { name: "Spring reminders (final)" })).toBeVisible();
  await expect(page.getByTestId("count-invalid")).toHaveText("1");
  await expect(page.getByRole("link", { name: "Edit draft" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Launch|Pause|Cancel/ })).toHaveCount(0);
  await page.goto("/campaigns/new");
  await expect(page).toHaveURL(/\/forbidden/);
});
