import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn, signOut } from "./fixtures";

// Runs after 01-foundation (files run in name order on one server): the admin exists. Pat is this file's own user,
// so changing and resetting passwords here never touches the accounts other specs sign in with.
test.describe.configure({ mode: "serial" });

const PAT = { email: "pat.rivera@example.com", name: "Pat Rivera", password: "pat-first-passphrase-1" };
const PAT_SECOND = "pat-second-passphrase-2";
const PAT_THIRD = "pat-third-passphrase-3";
let temporary = "";

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function changePassword(page: Page, current: string, next: string) {
  await page.getByLabel(/^(Current|Temporary) password$/).fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(next);
  await page.getByRole("button", { name: "Change password", exact: true }).click();
}

test("after sign-in the browser stays on the console, whatever callbackUrl says", async ({ page }) => {
  // Backslashes, tabs and their percent-encoded forms that browsers read as "//evil.example".
  for (const raw of ["/\\evil.example/", "/%5Cevil.example/", "/\t/evil.example/", "/%09/evil.example/", "/\\/evil.example/"]) {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(raw)}`);
    await submitSignIn(page, ADMIN.email, ADMIN.password);
    await expect(page.getByTestId("signed-in-user")).toHaveText(ADMIN.email);
    expect(new URL(page.url()).host, raw).toBe(new URL(test.info().project.use.baseURL!).host);
    await expect(page).toHaveURL(/\/campaigns$/);
    await signOut(page);
  }
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/audit?action=auth.")}`);
  await submitSignIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/audit\?action=auth\.$/);
});

test("the sign-in page shows its own words for an error code, never the text of the link", async ({ page }) => {
  const crafted = "Your account is locked. Call +1 555 0100 to unlock it";
  await page.goto(`/login?error=${encodeURIComponent(crafted)}`);
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in did not complete. Try again." })).toBeVisible();
  await expect(page.getByText(crafted)).toHaveCount(0);
  await expect(page.getByText("+1 555 0100")).toHaveCount(0);

  await page.goto("/login?error=AccountDisabled");
  await expect(page.getByRole("alert").filter({ hasText: "This account is disabled. Ask an administrator to enable it." })).toBeVisible();
});

test("a new user's password must be long, not common in any case, and not the email", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("Email").fill(PAT.email);
  await dialog.getByLabel("Name").fill(PAT.name);
  await dialog.getByLabel("Role").selectOption({ label: "Viewer" });
  await dialog.getByLabel("Password").fill("QWERTY123456");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.locator("#new-password-error")).toContainText("This password is too common");
  await dialog.getByLabel("Password").fill(PAT.email);
  await expect(dialog.locator("#new-password-error")).toHaveText("Do not use your email address as your password");
  await dialog.getByLabel("Password").fill(PAT.password);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`user-row-${PAT.email}`)).toBeVisible();
});

test("a user changes their own password: the current one is required, their other sessions end, this one stays", async ({ browser }) => {
  const firstContext = await browser.newContext();
  const first = await firstContext.newPage();
  await signIn(first, PAT);
  const secondContext = await browser.newContext();
  const second = await secondContext.newPage();
  await signIn(second, PAT);

  await first.getByRole("link", { name: "Change password" }).click();
  await expect(first).toHaveURL(/\/change-password$/);
  await expect(first.getByRole("heading", { name: "Change password" })).toBeVisible();
  await changePassword(first, "not-my-password-at-all", PAT_SECOND);
  await expect(first.locator("#currentPassword-error")).toHaveText("Your current password is not correct. 4 attempts left before you are signed out.");
  await changePassword(first, PAT.password, PAT_SECOND);
  await expect(first.getByText("Your password is changed. 1 other session was signed out.")).toBeVisible();
  await first.getByRole("link", { name: "Continue to the console" }).click();
  await expect(first.getByTestId("signed-in-user")).toHaveText(PAT.email);

  await second.goto("/campaigns");
  await expect(second).toHaveURL(/\/login/);
  await signIn(second, { email: PAT.email, password: PAT_SECOND });
  await firstContext.close();
  await secondContext.close();
});

test("an admin resets a password: the temporary one is shown once, the user's sessions end, and they must replace it first", async ({ browser }) => {
  const patContext = await browser.newContext();
  const pat = await patContext.newPage();
  await signIn(pat, { email: PAT.email, password: PAT_SECOND });

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  await admin.goto("/settings/users");
  await admin.getByRole("button", { name: `Actions for ${PAT.email}` }).click();
  await admin.getByRole("menuitem", { name: "Reset password…" }).click();
  const ask = admin.getByRole("dialog", { name: `Reset the password of ${PAT.email}?` });
  await expect(ask.getByText("every session they have ends now")).toBeVisible();
  await ask.getByRole("button", { name: "Reset password", exact: true }).click();
  const dialog = admin.getByRole("dialog", { name: `Temporary password for ${PAT.email}` });
  const field = dialog.getByTestId("temporary-password");
  await expect(field).toHaveValue(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  temporary = await field.inputValue();
  await expect(dialog.getByRole("button", { name: "Copy temporary password" })).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByTestId(`user-row-${PAT.email}`).getByText("Must change password")).toBeVisible();

  // Pat's session ended; the password Pat had no longer works.
  await pat.goto("/campaigns");
  await expect(pat).toHaveURL(/\/login/);
  await submitSignIn(pat, PAT.email, PAT_SECOND);
  await expect(pat.locator("#password-error")).toHaveText(/Email or password is incorrect/);

  // With the temporary password, every console page sends Pat to choose a new one.
  await submitSignIn(pat, PAT.email, temporary);
  await expect(pat).toHaveURL(/\/change-password$/);
  await expect(pat.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  for (const path of ["/campaigns", "/contacts", "/settings/users"]) {
    await pat.goto(path);
    await expect(pat).toHaveURL(/\/change-password$/);
  }
  await changePassword(pat, temporary, PAT_THIRD);
  await expect(pat.getByText("Your password is changed.")).toBeVisible();
  await pat.getByRole("link", { name: "Continue to the console" }).click();
  await expect(pat.getByTestId("signed-in-user")).toHaveText(PAT.email);
  await pat.goto("/contacts");
  await expect(pat).toHaveURL(/\/contacts$/);

  await admin.reload();
  await expect(admin.getByTestId(`user-row-${PAT.email}`).getByText("Must change password")).toHaveCount(0);
  await patContext.close();
  await adminContext.close();
});

test("the password changes and the reset are in the audit log, without the temporary password", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/audit?action=user.password");
  const table = page.getByRole("table");
  await expect(table.getByText("user.password_reset", { exact: true })).toHaveCount(1);
  await expect(table.getByText("user.password_changed", { exact: true })).toHaveCount(2);
  expect(temporary).not.toBe("");
  await expect(page.getByText(temporary)).toHaveCount(0);
});
