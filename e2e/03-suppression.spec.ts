import { expect, test } from "@playwright/test";
import { SUPERVISOR, signIn } from "./fixtures";

// Runs after 01-foundation (files run in name order on one server): the supervisor exists.
test.describe.configure({ mode: "serial" });

// Numbers no other spec uses, so the story does not depend on what ran before it.
const LONDON = "+442079460321";
const NEW_JERSEY = "+12015550147";

test("a supervisor adds, imports and removes suppressed numbers, and the audit log shows each change", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/suppression");
  await expect(page.getByRole("heading", { name: "Suppression list" })).toBeVisible();

  // Added as written locally, with a default country; stored and shown in E.164.
  await page.getByRole("button", { name: "Add number" }).click();
  const add = page.getByRole("dialog", { name: "Add number" });
  await add.getByLabel("Phone number").fill("020 7946 0321");
  await add.getByLabel("Default country").fill("GB");
  await add.getByLabel("Reason").fill("Asked not to be contacted");
  await add.getByRole("button", { name: "Add to list" }).click();
  await expect(add).toBeHidden();
  const london = page.getByTestId(`suppression-row-${LONDON}`);
  await expect(london).toContainText("Asked not to be contacted");
  await expect(london).toContainText("Manual");
  await expect(london).toContainText(SUPERVISOR.email);

  // The same number written differently is refused next to the field.
  await page.getByRole("button", { name: "Add number" }).click();
  await add.getByLabel("Phone number").fill("+44 20 7946 0321");
  await add.getByLabel("Reason").fill("Again");
  await add.getByRole("button", { name: "Add to list" }).click();
  await expect(add.locator("#add-phone-error")).toHaveText(`${LONDON} is already on the suppression list`);
  await page.keyboard.press("Escape");
  await expect(add).toBeHidden();

  // Three lines: one new, one not a number, one already on the list.
  await page.getByRole("button", { name: "Import CSV" }).click();
  const importDialog = page.getByRole("dialog", { name: "Import CSV" });
  await importDialog.getByLabel("Numbers, one per line").fill(`+1 201 555 0147\ncall me\n+44 20 7946 0321`);
  await importDialog.getByLabel("Reason").fill("Opt-outs from the old system");
  await importDialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(importDialog.getByTestId("import-summary")).toHaveText("Import finished: 1 number added, 1 already on the list, 1 invalid line.");
  const invalid = importDialog.getByRole("table", { name: "Invalid lines" });
  await expect(invalid.getByRole("row")).toHaveCount(2);
  await expect(invalid.getByRole("row").nth(1)).toHaveText(/2\s*call me\s*Not a phone number/);
  await importDialog.getByRole("button", { name: "Done" }).click();
  await expect(importDialog).toBeHidden();
  await expect(page.getByTestId(`suppression-row-${NEW_JERSEY}`)).toContainText("Import");

  // Search by the number as people write it.
  await page.getByLabel("Search").fill("201 555 0147");
  await expect(page.getByTestId(`suppression-row-${NEW_JERSEY}`)).toBeVisible();
  await expect(london).toBeHidden();
  await page.getByLabel("Search").fill("no such number or reason");
  await expect(page.getByText("No numbers match this search")).toBeVisible();
  await page.getByLabel("Search").fill("");
  await expect(london).toBeVisible();

  const csv = await page.request.get("/api/suppression/export");
  expect(csv.ok()).toBe(true);
  expect(await csv.text()).toContain(`"'${NEW_JERSEY}",Opt-outs from the old system,import,${SUPERVISOR.email},`);

  // Removal needs a reason.
  await london.getByRole("button", { name: `Actions for ${LONDON}` }).click();
  await page.getByRole("menuitem", { name: "Remove number…" }).click();
  const remove = page.getByRole("dialog", { name: `Remove ${LONDON}?` });
  await remove.getByRole("button", { name: "Remove number" }).click();
  await expect(remove.getByText("Say why this number may be contacted again")).toBeVisible();
  await remove.getByLabel("Reason").fill("Customer opted back in");
  await remove.getByRole("button", { name: "Remove number" }).click();
  await expect(remove).toBeHidden();
  await expect(london).toHaveCount(0);
  // The removal can be undone from its notice: the number is suppressed again, which is a change of its own.
  const notice = page.getByRole("status").filter({ hasText: `Removed ${LONDON}` });
  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(london).toHaveCount(1);
  await london.getByRole("button", { name: `Actions for ${LONDON}` }).click();
  await page.getByRole("menuitem", { name: "Remove number…" }).click();
  await remove.getByLabel("Reason").fill("Customer opted back in");
  await remove.getByRole("button", { name: "Remove number" }).click();
  await expect(london).toHaveCount(0);

  await page.goto("/audit?action=suppression.");
  const log = page.getByRole("table");
  for (const action of ["suppression.added", "suppression.imported", "suppression.removed", "suppression.exported"]) {
    await expect(log.getByText(action, { exact: true }).first()).toBeVisible();
  }
  await expect(log.getByText("reason: Customer opted back in").first()).toBeVisible();
});
