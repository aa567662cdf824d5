import { expect, test, type Page } from "@playwright/test";
import { pickSmsSetup, selectByText } from "./composer";
import { SUPERVISOR, signIn } from "./fixtures";

// Runs after 01-foundation and 04-campaigns (files run in name order on one server): the supervisor exists.
test.describe.configure({ mode: "serial" });

const usLines = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `(206) 201-${String(1000 + from + i)},Person ${from + i + 1}`);

async function pasteList(page: Page, lines: string[]) {
  await page.getByRole("radio", { name: "Paste recipients" }).check();
  await page.getByLabel("Recipients", { exact: true }).fill(lines.join("\n"));
}

test("the default country comes from the source number, and a list without country codes is explained and fixed in one click", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("No country codes");
  await pickSmsSetup(page);
  // Chosen with the US number, shown and changeable.
  const country = page.getByLabel("Default country");
  await expect(country).toHaveValue("US");
  await expect(page.getByText("Set from the source number's country")).toBeVisible();
  await country.fill("");
  await pasteList(page, usLines(500));
  await page.getByRole("radio", { name: "Text message" }).check();
  await page.getByLabel("Message", { exact: true }).fill("Hi {{name}}");
  await page.getByRole("button", { name: "Check recipients" }).click();

  const reasons = page.getByTestId("invalid-reasons");
  await expect(reasons).toContainText("500 of 500 rows (100 %) cannot be sent");
  await expect(reasons).toContainText("500 rows have no country code");
  await expect(reasons).toContainText("Treat them as US, the source number's country?");
  await reasons.getByRole("button", { name: "Use US" }).click();
  await expect(country).toHaveValue("US");
  const check = page.getByRole("region", { name: "Recipient check" });
  await expect(check.getByText("Valid (500)")).toBeVisible();
  await expect(page.getByTestId("invalid-reasons")).toHaveCount(0);
});

test("many invalid rows need a second confirmation, and the launch dialog says what is sent, from where, to whom and until when", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("Mostly good list");
  await pickSmsSetup(page);
  await pasteList(page, [...usLines(20, 600), "n/a,Nobody", "12,Short", "+44 7911 123456,Abroad", ...Array.from({ length: 7 }, (_, i) => `call ${i},X`)]);
  await page.getByRole("radio", { name: "Text message" }).check();
  await page.getByLabel("Message", { exact: true }).fill("Hi {{name}}, your renewal is due.");
  await page.getByLabel("Sends per second").fill("1");
  // Rare settings wait under Advanced; the buttons stay in view while the form scrolls.
  await expect(page.getByLabel("Related contact ID")).toBeHidden();
  await page.getByText("Advanced: content types, attributes, display name, related contact").click();
  await expect(page.getByLabel("Related contact ID")).toBeVisible();
  await page.getByLabel("Related contact ID").scrollIntoViewIfNeeded();
  await expect(page.getByRole("button", { name: "Check recipients" })).toBeInViewport();
  await page.getByRole("button", { name: "Check recipients" }).click();
  const reasons = page.getByTestId("invalid-reasons");
  await expect(reasons).toContainText("10 of 30 rows (33 %) cannot be sent; launching will ask you to confirm them");
  await expect(reasons).toContainText("1 row is a number outside US: SMS from this number reaches numbers in its own country only");

  await page.getByRole("button", { name: "Launch…" }).click();
  const dialog = page.getByRole("dialog", { name: "Launch campaign" });
  const summary = dialog.getByTestId("launch-summary");
  await expect(summary).toContainText("SMS");
  await expect(summary).toContainText("+12065550142 (US)");
  await expect(summary).toContainText("Outbound SMS notifications");
  await expect(summary).toContainText("As soon as you confirm");
  await expect(summary).toContainText("20 s later");
  await expect(summary).toContainText("20 recipients get a chat");
  await expect(summary).toContainText("Skipped: 8 rows are not phone numbers");
  await expect(summary).toContainText("Hi Person 601, your renewal is due.");
  const send = dialog.getByRole("button", { name: "Send to 20 recipients" });
  await expect(send).toBeDisabled();
  await dialog.getByRole("checkbox", { name: /Launch anyway: 10 of 30 rows \(33 %\) are invalid/ }).check();
  await expect(send).toBeEnabled();
  await send.click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Mostly good list" })).toBeVisible();
});

test("a message in Vietnamese shows its encoding and segments as it is typed and for the whole campaign", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("Segments");
  await pickSmsSetup(page);
  await pasteList(page, usLines(3, 700));
  await page.getByRole("radio", { name: "Text message" }).check();
  const message = page.getByLabel("Message", { exact: true });
  await message.fill("Hello {{name}}, see you soon");
  await expect(page.getByTestId("sms-segments")).toContainText("GSM-7");
  await message.fill(`Xin chào {{name}}, hẹn gặp lại. ${"Cảm ơn bạn đã đặt hàng. ".repeat(2)}`);
  const note = page.getByTestId("sms-segments");
  await expect(note).toContainText("UCS-2");
  await expect(note.locator("mark", { hasText: "ẹ" })).toBeVisible();
  await page.getByRole("button", { name: "Check recipients" }).click();
  const segments = page.getByTestId("segments-summary");
  // 82 UCS-2 units each once the names are in: two segments of 67 apiece.
  await expect(segments).toContainText("2 per recipient, about 6 in all");
  await expect(segments).toContainText("Every message must be sent as UCS-2");
});

test("a placeholder written in another case finds its column, and a misspelt one gets a suggestion under the message", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("Placeholders");
  await pickSmsSetup(page);
  await page.getByRole("radio", { name: "Upload CSV" }).check();
  const csv = ["phone,name,City", "+12062011800,Ada,Seattle", "+12062011801,Bob,Tacoma", ""].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "cities.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await expect(page.getByLabel("Phone column")).toHaveValue("phone");
  await page.getByRole("radio", { name: "Text message" }).check();
  const message = page.getByLabel("Message", { exact: true });
  await message.fill("Hi {{name}}, we are in {{cty}} today");
  await expect(page.getByText("Did you mean {{City}}?")).toBeVisible();
  await page.getByRole("button", { name: "Use {{City}} instead of {{cty}}" }).click();
  await expect(message).toHaveValue("Hi {{name}}, we are in {{City}} today");
  await message.fill("Hi {{name}}, we are in {{city}} today");
  await page.getByRole("button", { name: "Check recipients" }).click();
  await expect(page.getByRole("region", { name: "Recipient check" })).toContainText("Hi Ada, we are in Seattle today");
});

test("only flows that can start a chat are offered, unless the user asks for all", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/campaigns/new");
  await selectByText(page.getByLabel("Connect instance"), "acme-support");
  const flow = page.getByLabel("Contact flow");
  await expect(flow.locator("option", { hasText: "Outbound SMS notifications" })).toBeAttached();
  const queueFlows = flow.locator("option", { hasText: "CUSTOMER_QUEUE" });
  await expect(queueFlows).toHaveCount(0);
  await page.getByLabel("Show all flows, including queue, whisper and campaign flows").check();
  await expect(queueFlows.first()).toBeAttached();
});

test("a WhatsApp campaign from a German number reaches US and British customers, with its template shown as they get it", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("WhatsApp across borders");
  await selectByText(page.getByLabel("Connect instance"), "acme-support");
  await page.getByRole("radio", { name: "WhatsApp" }).check();
  await selectByText(page.getByLabel("Source number"), "+4915123456789");
  await selectByText(page.getByLabel("Contact flow"), "Outbound WhatsApp notifications");
  await expect(page.getByLabel("Default country")).toHaveValue("DE");
  await page.getByRole("radio", { name: "Upload CSV" }).check();
  const csv = ["phone,name,order,tracking", "+12062011900,Ada,A-100,https://t.example/1", "+447911123456,Gus,A-101,https://t.example/2", ""].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await expect(page.getByLabel("Phone column")).toHaveValue("phone");

  await selectByText(page.getByLabel("Knowledge base"), "Messaging templates");
  await selectByText(page.getByLabel("Message template"), "order_shipped");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText("Hi {{customerName}}, your order {{orderId}} is on its way");
  await expect(preview.getByTitle("Language code en_US")).toBeVisible();
  await selectByText(page.getByLabel("{{customerName}}"), "Column: name");
  await selectByText(page.getByLabel("{{orderId}}"), "Column: order");
  await selectByText(page.getByLabel("{{trackingUrl}}"), "Column: tracking");
  // The first rows show under their columns, and the columns that feed the template say so in the mapping.
  await expect(page.getByTestId("mapping-preview")).toContainText("A-100");
  await expect(page.getByTestId("mapping-preview")).toContainText("Template variable {{orderId}}");
  await expect(page.getByText("Template variable {{orderId}}").first()).toBeVisible();

  await page.getByRole("button", { name: "Check recipients" }).click();
  const check = page.getByRole("region", { name: "Recipient check" });
  await expect(check.getByText("Valid (2)")).toBeVisible();
  await expect(page.getByTestId("invalid-reasons")).toHaveCount(0);
  await page.getByRole("button", { name: "Launch…" }).click();
  const dialog = page.getByRole("dialog", { name: "Launch campaign" });
  await expect(dialog.getByTestId("launch-summary")).toContainText("WhatsApp");
  await expect(dialog.getByTestId("launch-summary")).toContainText("+4915123456789 (DE)");
  await dialog.getByRole("button", { name: "Send to 2 recipients" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  // Both chats are started by the local Connect, to the US and to the UK, from the German number.
  await expect(page.getByTestId("progress-percent")).toHaveText("100%", { timeout: 20_000 });
  await expect(page.getByTestId("campaign-status")).toHaveText("Completed");
  await expect(page.getByTestId("live-sent")).toHaveText("2");
});
