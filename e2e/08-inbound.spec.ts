import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { selectByText } from "./composer";
import { ADMIN, SUPERVISOR, signIn, signOut } from "./fixtures";

// Runs after 07-events on the same server. An admin connects a messaging provider: the signing secret is shown once,
// a signed message posted to the endpoint reaches Connect and opens a chat, a badly signed one is refused and listed,
// and the customer's STOP puts the number on the suppression list.
test.describe.configure({ mode: "serial" });

const CUSTOMER = "+12065550888";
const NAME = "Carrier E2E";

function signed(secret: string, body: object, at = Math.floor(Date.now() / 1000)) {
  const raw = JSON.stringify(body);
  const signature = createHmac("sha256", secret).update(`${at}.${raw}`).digest("hex");
  return { data: raw, headers: { "content-type": "application/json", "x-console-timestamp": String(at), "x-console-signature": `sha256=${signature}` } };
}

test("a provider's signed messages reach Connect; unsigned ones are refused; STOP suppresses the number", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/settings/integrations");
  await page.getByTestId("create-integration").click();
  const form = page.getByTestId("create-integration-form");
  await form.getByLabel("Name").fill(NAME);
  await form.getByLabel("Channel").selectOption("sms");
  await selectByText(form.getByLabel("Amazon Connect instance"), "acme-support");
  await selectByText(form.getByLabel("Number customers write to"), "+12065550142");
  await page.getByTestId("create-integration-submit").click();
  const secret = (await page.getByTestId("integration-secret").inputValue()).trim();
  const url = (await page.getByTestId("integration-url").inputValue()).trim();
  expect(secret).toMatch(/^ocin_/);
  const path = new URL(url).pathname;
  expect(path).toMatch(/^\/api\/inbound\/[0-9a-f-]{36}$/);

  const first = await page.request.post(
    path,
    signed(secret, { messageId: "m-1", from: CUSTOMER, to: "+12065550142", text: "Hello there", timestamp: new Date().toISOString() }),
  );
  expect(first.status()).toBe(200);
  const body = (await first.json()) as { status: string; contactId: string; newChatCreated: boolean };
  expect(body).toMatchObject({ status: "forwarded", newChatCreated: true });

  const replay = await page.request.post(
    path,
    signed(secret, { messageId: "m-1", from: CUSTOMER, to: "+12065550142", text: "Hello there", timestamp: new Date().toISOString() }),
  );
  expect(((await replay.json()) as { status: string }).status).toBe("duplicate");

  const forged = await page.request.post(
    path,
    signed("ocin_not-the-secret", { messageId: "m-2", from: CUSTOMER, to: "+12065550142", text: "Forged", timestamp: new Date().toISOString() }),
  );
  expect(forged.status()).toBe(401);

  const stop = await page.request.post(
    path,
    signed(secret, { messageId: "m-3", from: CUSTOMER, to: "+12065550142", text: "STOP", timestamp: new Date().toISOString() }),
  );
  expect(((await stop.json()) as { status: string }).status).toBe("forwarded");

  // The secret is never shown again; the page lists what arrived and what was refused.
  await page.reload();
  await expect(page.getByTestId("integration-secret")).toHaveCount(0);
  await expect(page.getByTestId(`integration-row-${NAME}`)).toBeVisible();
  await expect(page.getByTestId("inbound-message-m-1")).toHaveAttribute("data-status", "forwarded");
  await expect(page.getByTestId("inbound-message-m-3")).toHaveAttribute("data-status", "forwarded");
  await expect(page.getByTestId("inbound-rejections")).toContainText(/signature/i);

  await page.goto("/suppression");
  await page.getByLabel("Search").fill("555 0888");
  await expect(page.getByRole("table")).toContainText(CUSTOMER);
  await expect(page.getByRole("table")).toContainText("Opt-out");

  // The chat the provider's first message opened, with both messages, on its contact page.
  await signOut(page);
  await signIn(page, SUPERVISOR);
  await page.goto(`/contacts/${encodeURIComponent(body.contactId)}`);
  const events = page.getByRole("table", { name: "Events sent into this chat" });
  await expect(events).toContainText("Hello there");
  await expect(events).toContainText("STOP");
  await page.goto("/settings/integrations");
  await expect(page).toHaveURL(/\/forbidden/);
});
