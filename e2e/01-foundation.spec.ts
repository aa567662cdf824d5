import { expect, test } from "@playwright/test";
import { ADMIN, SUPERVISOR, VIEWER, addUser, signIn, signOut } from "./fixtures";

// One story on one fresh database, in order: first run, users, roles, audit.
test.describe.configure({ mode: "serial" });

test("first run: setup refuses bad input, creates the admin and signs in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("different");
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address, like name@example.com");
  await expect(page.locator("#password-error")).toHaveText("Use at least 12 characters");
  await expect(page.locator("#confirmPassword-error")).toHaveText("Passwords do not match");
  await page.getByLabel("Password", { exact: true }).fill("Qwerty123456");
  await expect(page.locator("#password-error")).toContainText("This password is too common");

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Confirm password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByTestId("signed-in-user")).toHaveText(ADMIN.email);
  await expect(page.getByTestId("signed-in-role")).toHaveText("Admin");
  await expect(page.getByRole("note", { name: "Connect backend" })).toContainText("Local Connect simulator");
  for (const item of ["Campaigns", "Contacts", "Chat events", "Suppression list", "Audit log", "Settings"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: item })).toBeVisible();
  }
});

test("the setup page is gone once an admin exists", async ({ page }) => {
  const res = await page.goto("/setup");
  expect(res?.status()).toBe(404);
});

test("sign out, then wrong password and unknown user get a clear message", async ({ page }) => {
  await signIn(page, ADMIN);
  await signOut(page);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("#password-error")).toHaveText(/Email or password is incorrect\. \d attempts? left/);
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("#password-error")).toHaveText(/Email or password is incorrect/);
  await expect(page).toHaveURL(/\/login/);
});

test("an admin creates a supervisor and a viewer; duplicates and weak passwords are refused", async ({ page }) => {
  await signIn(page, ADMIN);
  await addUser(page, SUPERVISOR, "Supervisor");
  await addUser(page, VIEWER, "Viewer");

  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("Email").fill(SUPERVISOR.email);
  await dialog.getByLabel("Password").fill("weakpass");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.locator("#new-password-error")).toHaveText("Use at least 12 characters");
  await dialog.getByLabel("Password").fill("another-strong-pass-9");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.locator("#new-email-error")).toHaveText("A user with this email already exists");
});

test("the supervisor signs in; a viewer cannot reach user management", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await expect(page.getByTestId("signed-in-role")).toHaveText("Supervisor");
  await signOut(page);

  await signIn(page, VIEWER);
  await expect(page.getByTestId("signed-in-role")).toHaveText("Viewer");
  await page.goto("/settings");
  const settingsNav = page.getByRole("navigation", { name: "Settings", exact: true });
  await expect(settingsNav.getByRole("link", { name: "Overview", exact: true })).toBeVisible();
  await expect(settingsNav.getByRole("link", { name: "Users", exact: true })).toHaveCount(0);
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});

test("disabling a user ends their session at once", async ({ browser }) => {
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, VIEWER);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  await admin.goto("/settings/users");
  // A role change asks first, from the row's action menu; Cancel sends nothing and leaves the role as it was, with
  // focus back on the menu's button.
  const actions = admin.getByRole("button", { name: `Actions for ${VIEWER.email}` });
  const row = admin.getByTestId(`user-row-${VIEWER.email}`);
  await actions.click();
  await admin.getByRole("menuitem", { name: "Make admin…" }).click();
  const promote = admin.getByRole("dialog", { name: `Make ${VIEWER.email} an admin?` });
  await expect(promote).toContainText("manage users, settings and API keys");
  await expect(promote.getByRole("button", { name: "Cancel", exact: true })).toBeFocused();
  await promote.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(promote).toBeHidden();
  await expect(row).toContainText("Viewer");
  await expect(actions).toBeFocused();

  await actions.click();
  await admin.getByRole("menuitem", { name: "Disable…" }).click();
  const disable = admin.getByRole("dialog", { name: `Disable ${VIEWER.email}?` });
  await expect(disable).toContainText("signed out everywhere at once");
  await disable.getByRole("button", { name: "Disable user" }).click();
  await expect(disable).toBeHidden();
  await expect(admin.getByTestId(`user-row-${VIEWER.email}`).getByText("Disabled")).toBeVisible();

  await viewer.goto("/campaigns");
  await expect(viewer).toHaveURL(/\/login/);
  await viewer.getByLabel("Email").fill(VIEWER.email);
  await viewer.getByLabel("Password").fill(VIEWER.password);
  await viewer.getByRole("button", { name: "Sign in", exact: true }).click();
  // The right password of a disabled account gets the wrong-password answer: the page tells an outsider nothing.
  await expect(viewer.locator("#password-error")).toHaveText(/Email or password is incorrect/);
  await expect(viewer).toHaveURL(/\/login/);
  await viewerContext.close();
  await adminContext.close();
});

test("each step appears in the audit log, and the chain verifies", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/audit");
  const table = page.getByRole("table");
  for (const action of ["user.created", "auth.signed_in", "auth.signed_out", "auth.sign_in_failed", "user.disabled", "auth.sign_in_refused"]) {
    await expect(table.getByText(action, { exact: true }).first()).toBeVisible();
  }
  await expect(table.getByText(SUPERVISOR.email).first()).toBeVisible();

  await page.getByLabel("Action").fill("user.created");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=user.created/);
  await expect(table.getByText("auth.signed_in", { exact: true })).toHaveCount(0);
  await expect(table.getByText("user.created", { exact: true })).toHaveCount(3);

  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText(/Chain intact: \d+ entries verified/)).toBeVisible();
});
