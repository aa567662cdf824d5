import { expect, test, type Page } from "@playwright/test";
import { selectByText } from "./composer";
import { SUPERVISOR, signIn } from "./fixtures";

// Runs after 06-history on the same server. A supervisor plays the customer's side of an SMS chat from the events
// page: a first MESSAGE opens a chat, a DISCONNECT ends it, and both show on the contact page, next to what Connect
// (the simulator) says about the chat. Then an open chat is ended from its contact page.
test.describe.configure({ mode: "serial" });

const CUSTOMER = "+12065550777";
const STRANGER = "+12065550778";

async function sendEvent(page: Page, customer: string, type: "MESSAGE" | "DISCONNECT", text?: string) {
  await page.goto("/events");
  const form = page.getByTestId("chat-event-form");
  await selectByText(form.getByLabel("Connect instance"), "acme-support");
  await selectByText(form.getByLabel("Connect number"), "+12065550142");
  await form.getByLabel("Customer number (SourceId)").fill(customer);
  await page.getByTestId("chat-event-type").selectOption(type);
  if (text !== undefined) await form.getByLabel("Message", { exact: true }).fill(text);
  await page.getByTestId("chat-event-send").click();
  await expect(page.getByTestId("chat-event-result")).toBeVisible();
}

test("a MESSAGE opens a chat, a DISCONNECT ends it, and the contact page shows both", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await sendEvent(page, CUSTOMER, "MESSAGE", "Hi, is my order on its way?");
  await expect(page.getByTestId("chat-event-result-headline")).toHaveAttribute("data-new-chat", "true");
  const contactId = (await page.getByTestId("chat-event-result-contact").textContent())!.trim();
  expect(contactId).not.toBe("");
  await expect(page.getByTestId("chat-events-table")).toContainText(CUSTOMER);

  await sendEvent(page, CUSTOMER, "DISCONNECT");
  await expect(page.getByTestId("chat-event-result-headline")).toHaveAttribute("data-new-chat", "false");
  await expect(page.getByTestId("chat-event-result-contact")).toHaveText(contactId);

  await page.getByTestId("chat-event-result-contact").click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${encodeURIComponent(contactId)}$`));
  const events = page.getByRole("table", { name: "Events sent into this chat" });
  await expect(events.getByRole("row")).toHaveCount(3);
  await expect(events).toContainText("MESSAGE");
  await expect(events).toContainText("Hi, is my order on its way?");
  await expect(events).toContainText("DISCONNECT");
  await expect(page.getByTestId("contact-summary")).toContainText(CUSTOMER);
  const live = page.getByTestId("contact-live-facts");
  await expect(live).toContainText("INBOUND");
  await expect(live).not.toContainText("Still open");
  await expect(page.getByTestId("end-chat")).toHaveCount(0);

  await page.goto(`/contacts?q=${encodeURIComponent(CUSTOMER)}`);
  await expect(page.getByTestId(`contact-row-${contactId}`)).toBeVisible();
});

test("a supervisor ends an open chat from its contact page, after confirming", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await sendEvent(page, STRANGER, "MESSAGE", "Hello?");
  await page.getByTestId("chat-event-result-contact").click();
  await expect(page.getByTestId("contact-live-facts")).toContainText("Still open");
  await page.getByTestId("end-chat").click();
  await expect(page.getByTestId("end-chat-dialog")).toBeVisible();
  await page.getByTestId("end-chat-confirm").click();
  await expect(page.getByTestId("contact-summary").getByTestId("contact-state")).toHaveText(/ended/i, { timeout: 10_000 });
  await expect(page.getByTestId("contact-live-facts")).not.toContainText("Still open");
  await expect(page.getByTestId("end-chat")).toHaveCount(0);

  await page.goto("/audit");
  await expect(page.getByRole("table").getByText("contact.stopped", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("table").getByText("chat_event.sent", { exact: true }).first()).toBeVisible();
});
