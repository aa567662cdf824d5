import { expect, test, type Page } from "@playwright/test";
import { confirmLaunch, pickSmsSetup } from "./composer";
import { ADMIN, SUPERVISOR, addUser, signIn, signOut } from "./fixtures";

// Runs after 01-foundation (files run in name order on one server): the admin and the supervisor exist. Turns the
// approval rule on for its story and off again at the end, so later files launch as before.
test.describe.configure({ mode: "serial" });

const APPROVER = { email: "pat@example.com", name: "Pat Approver", password: "approver-pass-2024!" };
const NAME = "Board-approved spring send";
let campaignPath = "";

async function setApproval(page: Page, enabled: boolean) {
  await page.goto("/settings/approval");
  const card = page.getByTestId("approval-settings");
  const box = card.getByTestId("approval-enabled");
  if (enabled) await box.check();
  else await box.uncheck();
  await card.getByLabel("Above how many recipients").fill("1");
  await card.getByRole("button", { name: "Save approval rule" }).click();
  await expect(card.getByText(enabled ? "Launches above 1 recipient now need approval" : "Launches need no approval")).toBeVisible();
}

async function grantApprover(page: Page, email: string) {
  await page.goto("/settings/users");
  // The box follows the saved value: it turns checked once the change is confirmed and the server has stored it.
  await page.getByRole("checkbox", { name: `${email} may approve launches` }).click();
  const dialog = page.getByRole("dialog", { name: `Let ${email} approve launches?` });
  await dialog.getByRole("button", { name: "Allow approving" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("checkbox", { name: `${email} may approve launches` })).toBeChecked();
}

test("an admin requires approval for launches above 1 recipient and names two approvers", async ({ page }) => {
  await signIn(page, ADMIN);
  await setApproval(page, true);
  await addUser(page, APPROVER, "Supervisor");
  await grantApprover(page, APPROVER.email);
  // The author is an approver too: that must still not let them approve their own launch.
  await grantApprover(page, SUPERVISOR.email);
  await page.goto("/audit");
  await expect(page.getByRole("table").getByText("user.approver_granted", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("table").getByText("settings.approval_changed", { exact: true }).first()).toBeVisible();
});

test("Launch submits for approval, and the author cannot approve their own launch", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill(NAME);
  await pickSmsSetup(page);
  await page.getByRole("radio", { name: "Paste recipients" }).check();
  await page.getByLabel("Recipients", { exact: true }).fill("+12065550100,Ada\n+12065550101,Bob");
  await page.getByRole("radio", { name: "Text message" }).check();
  await page.getByLabel("Message", { exact: true }).fill("Hello {{name}}");
  await page.getByRole("button", { name: "Check recipients" }).click();
  await expect(page.getByRole("region", { name: "Recipient check" })).toContainText("Valid (2)");

  await page.getByRole("button", { name: "Launch…" }).click();
  const dialog = page.getByRole("dialog", { name: "Launch campaign" });
  await expect(dialog.getByTestId("launch-needs-approval")).toContainText("2 recipients: launches above 1 need a second person's approval");
  await dialog.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  campaignPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("campaign-status")).toHaveText("Draft");
  await expect(page.getByTestId("approval-state")).toContainText(`Waiting for approval, asked by ${SUPERVISOR.email}`);
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);

  // The header counts it for the author (an approver), but the Approvals page offers them no decision.
  await expect(page.getByTestId("approvals-badge")).toHaveText("1");
  await page.getByTestId("approvals-link").click();
  const row = page.getByTestId(`approval-row-${NAME}`);
  await expect(row).toContainText("Your request: another approver decides");
  await expect(row.getByRole("button", { name: "Approve" })).toHaveCount(0);

  // Nor through the API with their session: refused with the reason.
  const id = campaignPath.split("/").pop()!;
  const origin = new URL(page.url()).origin;
  const res = await page.request.post(`/api/v1/campaigns/${id}/approve`, { headers: { origin, "content-type": "application/json" }, data: {} });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.message).toBe("You cannot approve or reject your own campaign: another approver must decide");
  await signOut(page);
});

test("a different approver approves; editing withdraws the approval; approved again, the author launches", async ({ page }) => {
  await signIn(page, APPROVER);
  await expect(page.getByTestId("approvals-badge")).toHaveText("1");
  await page.goto("/approvals");
  const row = page.getByTestId(`approval-row-${NAME}`);
  await expect(row).toContainText(SUPERVISOR.email);
  await expect(row).toContainText("2");
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Nothing is waiting for approval")).toBeVisible();
  await page.goto(campaignPath);
  await expect(page.getByTestId("approval-state")).toContainText(`Approved by ${APPROVER.email}`);
  await signOut(page);

  // The author edits the approved draft: the approval is withdrawn, and Launch asks again.
  await signIn(page, SUPERVISOR);
  await page.goto(`${campaignPath}/edit`);
  await page.getByLabel("Message", { exact: true }).fill("Hello {{name}}, spring is here");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved")).toBeVisible();
  await page.goto(campaignPath);
  await expect(page.getByTestId("approval-state")).toContainText("withdrawn because the draft changed");
  await page.getByTestId("submit-for-approval").click();
  await expect(page.getByTestId("approval-state")).toContainText("Waiting for approval");
  await signOut(page);

  await signIn(page, APPROVER);
  await page.goto(campaignPath);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("approval-state")).toContainText(`Approved by ${APPROVER.email}`);
  await signOut(page);

  await signIn(page, SUPERVISOR);
  await page.goto(`${campaignPath}/edit`);
  await page.getByRole("button", { name: "Check recipients" }).click();
  await expect(page.getByRole("region", { name: "Recipient check" })).toContainText("Valid (2)");
  await page.getByRole("button", { name: "Launch…" }).click();
  await expect(page.getByRole("dialog", { name: "Launch campaign" }).getByTestId("launch-needs-approval")).toHaveCount(0);
  await confirmLaunch(page, 2);
  await expect(page).toHaveURL(new RegExp(`${campaignPath}$`));
  await expect(page.getByTestId("campaign-status")).not.toHaveText("Draft");
  await signOut(page);
});

test("every step is in the audit log, and the rule is turned off again", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/audit?target=campaign");
  for (const action of ["campaign.approval_requested", "campaign.approved", "campaign.approval_withdrawn", "campaign.launched"]) {
    await expect(page.getByRole("table").getByText(action, { exact: true }).first()).toBeVisible();
  }
  await setApproval(page, false);
});
