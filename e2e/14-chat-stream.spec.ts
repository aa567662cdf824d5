import { expect, test, type Page } from "@playwright/test";
import { confirmLaunch, pickSmsSetup, selectByText } from "./composer";
import { SUPERVISOR, signIn } from "./fixtures";

// Runs after 01-foundation (files run in name order on one server): the supervisor exists. The local Connect's
// audience model plays the customers: their phones report delivered and read, some answer, some answer STOP, all
// through SendChatIntegrationEvent straight to Connect as End User Messaging does. The console sees it only through
// the chat stream it started for each contact.
test.describe.configure({ mode: "serial" });

const SIMULATOR = "http://127.0.0.1:4710";
const RECIPIENTS = 50;
const phones = Array.from({ length: RECIPIENTS }, (_, i) => `+1206205${String(3000 + i)}`);
const REPLIES = ["Yes, that works", "See you then"];

interface StageCounts {
  scheduled: number;
  emitted: number;
  skipped: number;
}
interface AudienceView {
  pending: number;
  stages: Record<"delivered" | "read" | "reply" | "stop", StageCounts>;
}

async function setAudience(audience: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${SIMULATOR}/_local/config`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ audience }),
  });
  expect(res.status, await res.text()).toBe(200);
}

const audience = async () => (await (await fetch(`${SIMULATOR}/_local/audience`)).json()) as AudienceView;
const count = async (page: Page, stage: string) => Number((await page.getByTestId(`funnel-${stage}-count`).textContent())!.replace(/,/g, ""));

test.afterAll(async () => {
  await setAudience({ enabled: false });
});

test("a campaign's chats stream back: the funnel counts what the customers did, the transcript shows a reply, and a STOP sent straight to Connect keeps the number from the next send", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await setAudience({
    enabled: true,
    delivered: 1,
    read: 0.8,
    replied: 0.5,
    stop: 0.25,
    replies: REPLIES,
    delays: { delivered: { min: 2, max: 4 }, read: { min: 1, max: 3 }, reply: { min: 1, max: 3 } },
  });
  await signIn(page, SUPERVISOR);
  // From the toll-free number (3 messages a second), so fifty chats open in under twenty seconds.
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("Streamed reminders");
  await pickSmsSetup(page);
  await selectByText(page.getByLabel("Source number"), "+18885550100");
  await page.getByRole("radio", { name: "Paste recipients" }).check();
  await page.getByLabel("Recipients", { exact: true }).fill(phones.map((p, i) => `${p},Person ${i + 1}`).join("\n"));
  await page.getByRole("radio", { name: "Text message" }).check();
  await page.getByLabel("Message", { exact: true }).fill("Hello {{name}}");
  await page.getByLabel("Sends per second").fill("5");
  await page.getByRole("button", { name: "Check recipients" }).click();
  await expect(page.getByRole("region", { name: "Recipient check" })).toContainText(`Valid (${RECIPIENTS})`);
  await page.getByRole("button", { name: "Launch…" }).click();
  await confirmLaunch(page, RECIPIENTS);
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);

  // Every chat is sent (the number's 3 per second), and every step the customers drew has reached Connect.
  const funnel = page.getByTestId("funnel-card");
  await expect(funnel).toBeVisible();
  await expect.poll(() => count(page, "started"), { timeout: 120_000 }).toBe(RECIPIENTS);
  await expect
    .poll(
      async () => {
        const view = await audience();
        return view.pending === 0 && Object.values(view.stages).every((s) => s.scheduled === s.emitted + s.skipped);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const drawn = (await audience()).stages;
  expect(drawn.delivered.emitted).toBe(RECIPIENTS);
  expect(drawn.reply.emitted).toBeGreaterThan(0);
  expect(drawn.stop.emitted).toBeGreaterThan(0);

  // The console's funnel says what the customers did: receipts at once, replies once past the 15 s reply grace.
  const expected = {
    started: RECIPIENTS,
    delivered: drawn.delivered.emitted,
    read: drawn.read.emitted,
    replied: drawn.reply.emitted + drawn.stop.emitted,
    "opted-out": drawn.stop.emitted,
  };
  await expect
    .poll(
      async () => {
        await page.reload();
        await expect(page.getByTestId("funnel-started-count")).toBeVisible();
        return Object.fromEntries(await Promise.all(Object.keys(expected).map(async (stage) => [stage, await count(page, stage)])));
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toEqual(expected);
  await expect(page.getByTestId("funnel-delivered-rate")).toHaveText("100%");
  await expect(funnel).not.toContainText("unknown");

  // A recipient who replied: their row has the times, and their chat shows both sides.
  const filters = page.getByRole("form", { name: "Filter recipients" });
  await filters.getByLabel("Funnel stage").selectOption({ label: "Replied" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  const replied = page.getByTestId("recipient-replied-at").first();
  await expect(replied).not.toHaveText("—");
  await page.getByTestId("recipient-contact-link").first().click();
  await expect(page).toHaveURL(/\/contacts\//);
  const conversation = page.getByTestId("contact-transcript");
  await expect(conversation.getByRole("heading", { name: "Conversation" })).toBeVisible();
  await expect(conversation.getByTestId("transcript-reply-message").first()).toContainText(/Hello Person \d+/);
  await expect(conversation.getByTestId("transcript-event").filter({ hasText: "Delivered" }).first()).toBeVisible();
  await expect(conversation.getByTestId("transcript-event").filter({ hasText: "Read" }).first()).toBeVisible();
  await expect(conversation.getByTestId("transcript-customer-message").first()).toContainText(new RegExp(`${REPLIES.join("|")}|STOP`));
  await expect(page.getByTestId("transcript-stream-status")).toContainText("Streaming started");
  await page.goBack();

  // A recipient who answered STOP, through End User Messaging alone: the number is suppressed, and the next campaign
  // to it holds it back before anything is sent.
  await filters.getByLabel("Funnel stage").selectOption({ label: "Opted out" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("recipient-opted-out-at").first()).not.toHaveText("—");
  const stopped = (await page.getByTestId("recipient-phone").first().textContent())!.trim();
  expect(phones).toContain(stopped);

  await page.goto("/suppression");
  await expect(page.getByRole("cell", { name: stopped, exact: true })).toBeVisible();
  await expect(page.getByText("Replied STOP via chat stream").first()).toBeVisible();

  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("After the STOP");
  await pickSmsSetup(page);
  await page.getByRole("radio", { name: "Paste recipients" }).check();
  await page.getByLabel("Recipients", { exact: true }).fill([stopped, "+12062053900", "+12062053901"].join("\n"));
  await page.getByRole("radio", { name: "Text message" }).check();
  await page.getByLabel("Message", { exact: true }).fill("Your visit is tomorrow.");
  await page.getByRole("button", { name: "Check recipients" }).click();
  const check = page.getByRole("region", { name: "Recipient check" });
  await expect(check.getByText("Valid (2)")).toBeVisible();
  await expect(check.getByText("Suppressed (1)")).toBeVisible();
});
