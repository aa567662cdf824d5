import { expect, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@example.com", name: "Ada Admin", password: "correct-horse-battery-1" };
export const SUPERVISOR = { email: "sam@example.com", name: "Sam Supervisor", password: "supervisor-pass-2024" };
export const VIEWER = { email: "vic@example.com", name: "Vic Viewer", password: "viewer-pass-2024!" };

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(who.email);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

export async function addUser(page: Page, who: { email: string; name: string; password: string }, role: "Admin" | "Supervisor" | "Viewer") {
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("Email").fill(who.email);
  await dialog.getByLabel("Name").fill(who.name);
  await dialog.getByLabel("Role").selectOption({ label: role });
  await dialog.getByLabel("Password").fill(who.password);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`user-row-${who.email}`)).toBeVisible();
}
