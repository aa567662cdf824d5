import { expect, test } from "@playwright/test";
import { SUPERVISOR, signIn } from "./fixtures";
import { chooseOptionByKeyboard, expectFocusVisible, pressUntilFocused } from "./keyboard";

// Runs after 01-foundation (files run in name order on one server): the supervisor exists. After the page is opened,
// only the keyboard is used: a campaign composed, checked and launched without a pointer.
test.describe.configure({ mode: "serial" });

const PHONES = Array.from({ length: 5 }, (_, i) => `+1206207${String(100 + i).padStart(4, "0")}`);

test("a campaign is composed, checked and launched with the keyboard alone", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/campaigns/new");
  const instance = page.getByLabel("Connect instance");
  // The instances arrive after the page; a keyboard user waits for them too.
  await expect(instance).toBeEnabled();

  const name = page.getByLabel("Campaign name");
  await pressUntilFocused(page, name);
  await expectFocusVisible(page, "Campaign name");
  await page.keyboard.type("Keyboard launch");

  await pressUntilFocused(page, instance);
  await expectFocusVisible(page, "Connect instance");
  await chooseOptionByKeyboard(page, instance, "acme-support");

  // Channel: the arrow keys move between the radios of a group, and choose as they move.
  const sms = page.getByRole("radio", { name: "SMS" });
  const whatsApp = page.getByRole("radio", { name: "WhatsApp" });
  await pressUntilFocused(page, page.locator('input[name="channel"]:checked'));
  await expectFocusVisible(page, "Channel");
  await page.keyboard.press("ArrowRight");
  await expect(whatsApp).toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await expect(sms).toBeChecked();
  await expect(sms).toBeFocused();

  const number = page.getByLabel("Source number");
  await expect(number).toBeEnabled();
  await pressUntilFocused(page, number);
  await expectFocusVisible(page, "Source number");
  await chooseOptionByKeyboard(page, number, "+12065550142");

  const flow = page.getByLabel("Contact flow");
  await expect(flow).toBeEnabled();
  await pressUntilFocused(page, flow);
  await expectFocusVisible(page, "Contact flow");
  await chooseOptionByKeyboard(page, flow, "Outbound SMS notifications");

  // Paste is the default source: Space on its radio keeps it chosen, then the lines are typed.
  const paste = page.getByRole("radio", { name: "Paste recipients" });
  await pressUntilFocused(page, paste);
  await page.keyboard.press("Space");
  await expect(paste).toBeChecked();
  const recipients = page.getByLabel("Recipients", { exact: true });
  await pressUntilFocused(page, recipients);
  await expectFocusVisible(page, "Recipients");
  await page.keyboard.type(PHONES.map((p, i) => `${p},Person ${i + 1}`).join("\n"));
  await expect(recipients).toHaveValue(PHONES.map((p, i) => `${p},Person ${i + 1}`).join("\n"));

  const message = page.getByLabel("Message", { exact: true });
  await pressUntilFocused(page, message);
  await expectFocusVisible(page, "Message");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Hello {{name}}, this one was sent without a mouse.");
  await expect(message).toHaveValue("Hello {{name}}, this one was sent without a mouse.");

  const checkButton = page.getByRole("button", { name: "Check recipients" });
  await pressUntilFocused(page, checkButton);
  await expectFocusVisible(page, "Check recipients");
  await page.keyboard.press("Enter");

  // Focus moves to the result, so the next key press reads on from there.
  const result = page.getByRole("region", { name: "Recipient check" });
  await expect(result.getByRole("heading", { name: "Recipient check" })).toBeFocused();
  await expect(result).toContainText(`Valid (${PHONES.length})`);
  await expect(result).toContainText("Hello Person 1, this one was sent without a mouse.");
  await expect(page.getByTestId("preflight-announcement")).toContainText("Check finished:");

  // Launch… sits with the other buttons, before the result: back up to it.
  const launch = page.getByRole("button", { name: "Launch…" });
  await expect(launch).toBeEnabled();
  await pressUntilFocused(page, launch, "Shift+Tab");
  await expectFocusVisible(page, "Launch…");
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name: "Launch campaign" });
  await expect(dialog).toBeVisible();
  // The dialog holds focus: it starts inside, and Tab stays inside until the send button.
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  const send = dialog.getByRole("button", { name: `Send to ${PHONES.length} recipients` });
  await pressUntilFocused(page, send, "Tab", 15);
  await expectFocusVisible(page, "Send to recipients");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Keyboard launch" })).toBeVisible();
  await expect(page.getByTestId("campaign-status")).not.toHaveText("Draft");
});
