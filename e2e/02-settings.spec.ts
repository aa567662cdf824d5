import { expect, test } from "@playwright/test";
import { ADMIN, SUPERVISOR, signIn } from "./fixtures";

// Runs after 01-foundation (files run in name order on one server): the admin and supervisor exist.
test.describe.configure({ mode: "serial" });

test("settings show what the gateway sees, and an admin tunes the simulator", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/settings");
  await expect(page.getByTestId("connect-mode")).toHaveText("Local simulator");
  await expect(page.getByText(/Connected: \d+ instances visible/)).toBeVisible();
  const numbers = page.getByRole("table", { name: "Phone numbers of the instance" });
  await expect(numbers.getByRole("row")).not.toHaveCount(1);
  await expect(page.getByRole("table", { name: "Contact flows of the instance" }).getByText("CONTACT_FLOW").first()).toBeVisible();

  // Each section is a page of its own, reached from the settings navigation, which marks the one open.
  const nav = page.getByRole("navigation", { name: "Settings", exact: true });
  await expect(nav.getByRole("link", { name: "Overview", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Users", exact: true })).toBeVisible();
  await nav.getByRole("link", { name: "Simulator", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/simulator$/);
  await expect(page).toHaveTitle(/^Local simulator · Settings/);
  await expect(page.getByRole("heading", { level: 1, name: "Local simulator" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Simulator", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("settings-read-only")).toHaveCount(0);

  await page.getByLabel("InternalServiceException").fill("80");
  await page.getByLabel("ThrottlingException").fill("30");
  await page.getByRole("button", { name: "Save simulator settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Fault rates add up to more than 100%" })).toBeVisible();

  await page.getByLabel("InternalServiceException").fill("0");
  await page.getByLabel("ThrottlingException").fill("0");
  await page.getByLabel("Latency (ms)").fill("25");
  await page.getByRole("button", { name: "Save simulator settings" }).click();
  await expect(page.getByText("Simulator settings saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Latency (ms)")).toHaveValue("25");

  await page.goto("/audit?action=simulator.");
  await expect(page.getByRole("table").getByText("simulator.settings_changed")).toBeVisible();
});

test("a supervisor sees the Connect check but not the simulator controls", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/settings");
  await expect(page.getByText(/Connected: \d+ instances visible/)).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Settings", exact: true });
  await expect(nav.getByRole("link", { name: "Sending", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Simulator", exact: true })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Users", exact: true })).toHaveCount(0);
  await page.goto("/settings/simulator");
  await expect(page).toHaveURL(/\/forbidden/);
});

test("a supervisor reads sending settings and is told only admins change them", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/settings/sending");
  await expect(page.getByRole("heading", { level: 1, name: "Sending" })).toBeVisible();
  await expect(page.getByTestId("settings-read-only")).toHaveText("Only admins can change sending settings.");
  await expect(page.getByLabel("Account sends per second")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save send rate" })).toHaveCount(0);
});
