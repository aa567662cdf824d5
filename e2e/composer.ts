import { expect, type Locator, type Page } from "@playwright/test";

/** Picks the option whose text contains `text` (option labels carry extra detail, e.g. a number's description). */
export async function selectByText(select: Locator, text: string) {
  const option = select.locator("option", { hasText: text }).first();
  await expect(option).toBeAttached();
  await select.selectOption((await option.getAttribute("value"))!);
}

/** The composer's Connect choices every SMS story here uses: acme-support, its SMS-only number, the outbound flow. */
export async function pickSmsSetup(page: Page) {
  await selectByText(page.getByLabel("Connect instance"), "acme-support");
  await page.getByRole("radio", { name: "SMS" }).check();
  await selectByText(page.getByLabel("Source number"), "+12065550142");
  await selectByText(page.getByLabel("Contact flow"), "Outbound SMS notifications");
}

/** Composes an SMS campaign from pasted numbers, checks it and launches it; ends on the campaign page. */
export async function composeAndLaunch(page: Page, name: string, phones: string[], sendsPerSecond: number) {
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill(name);
  await pickSmsSetup(page);
  await page.getByRole("radio", { name: "Paste recipients" }).check();
  await page.getByLabel("Recipients", { exact: true }).fill(phones.map((p, i) => `${p},Person ${i + 1}`).join("\n"));
  await page.getByRole("radio", { name: "Text message" }).check();
  await page.getByLabel("Message", { exact: true }).fill("Hello {{name}}");
  await page.getByLabel("Sends per second").fill(String(sendsPerSecond));
  await page.getByRole("button", { name: "Check recipients" }).click();
  await expect(page.getByRole("region", { name: "Recipient check" })).toContainText(`Valid (${phones.length})`);
  await page.getByRole("button", { name: "Launch…" }).click();
  await confirmLaunch(page, phones.length);
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
}

/** Confirms the launch dialog for `valid` recipients: types the count when the send is large enough to ask for it. */
export async function confirmLaunch(page: Page, valid: number, { acceptInvalid = false } = {}) {
  const dialog = page.getByRole("dialog", { name: "Launch campaign" });
  const count = valid.toLocaleString("en-US");
  if (valid >= 1000) await dialog.getByLabel("Number of recipients").fill(count);
  if (acceptInvalid) await dialog.getByRole("checkbox", { name: /Launch anyway/ }).check();
  await dialog.getByRole("button", { name: `Send to ${count} recipients` }).click();
}
