import { expect, test } from "@playwright/test";
import { confirmLaunch, pickSmsSetup } from "./composer";
import { SUPERVISOR, signIn } from "./fixtures";

// Runs after 01-foundation and 04-campaigns (files run in name order on one server): the supervisor exists.
test.describe.configure({ mode: "serial" });

const RECIPIENTS = 2_000;
const lines = Array.from({ length: RECIPIENTS }, (_, i) => `(206) 202-${String(1000 + i)},Person ${i + 1}`);

test("preflight names chat capacity as the limit and plans hours, and the campaign page's ETA keeps to that plan", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, SUPERVISOR);
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("Hour-long chats");
  await pickSmsSetup(page);
  await page.getByRole("radio", { name: "Paste recipients" }).check();
  await page.getByLabel("Recipients", { exact: true }).fill(lines.join("\n"));
  await page.getByRole("radio", { name: "Text message" }).check();
  await page.getByLabel("Message", { exact: true }).fill("Hi {{name}}, reply to book your visit.");
  await page.getByRole("button", { name: "Check recipients" }).click();

  // 2,000 chats that stay open their 60 minutes against a quota of 500: the first go at the number's 1 per second,
  // then a quota's worth each hour as chats end — over 3 hours, more with the chats earlier stories left open on the
  // instance. Not the 33 minutes the send rate alone would say.
  const check = page.getByRole("region", { name: "Recipient check" });
  await expect(check.getByText(`Valid (${RECIPIENTS.toLocaleString("en-US")})`)).toBeVisible();
  await expect(check).toContainText("Sending will wait for chats to end (chat capacity: 500 chats of ~60 min");
  const plan = page.getByTestId("plan-summary");
  await expect(plan.getByTestId("plan-headline")).toContainText(/Sending takes [3-9] h/);
  await expect(plan).toContainText(/Pace set by the chat capacity: 500 chats of ~60 min(, [\d,]+ open now)? → ~500 recipients per hour/);
  await expect(plan).toContainText("Each chat holds a slot for ~60 min: the chat duration");
  await expect(plan).toContainText("If the flow ended chats after sending (~60 s):");
  await expect(plan.getByRole("img")).toBeVisible();

  await page.getByRole("button", { name: "Launch…" }).click();
  const dialog = page.getByRole("dialog", { name: "Launch campaign" });
  await expect(dialog).toContainText("Chat capacity: 500 chats of ~60 min");
  const plannedEnd = Date.parse((await dialog.getByTestId("launch-ends").getAttribute("data-ends-at"))!);
  const launchedAt = Date.now();
  await confirmLaunch(page, RECIPIENTS);
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);

  // The page plans again every second from what is happening; sending has begun and the end stays where the plan put it.
  await expect.poll(async () => Number(await page.getByTestId("live-sent").textContent()), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  const eta = page.getByTestId("live-eta");
  await expect(page.getByTestId("live-binding")).toContainText("chat capacity: 500 chats of ~60 min");
  const liveEnd = Date.parse((await eta.getAttribute("data-ends-at"))!);
  const planned = plannedEnd - launchedAt;
  expect(Math.abs(liveEnd - plannedEnd)).toBeLessThanOrEqual(planned * 0.1);
  await expect(eta).toContainText(/Time left: [3-9] h/);

  await page.getByRole("button", { name: "Cancel campaign" }).click();
  const cancel = page.getByTestId("confirm-dialog");
  await expect(cancel).toContainText("not yet sent will be skipped");
  await cancel.getByRole("button", { name: "Cancel campaign" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText(/^Cancelled · [\d,]+ not sent$/, { timeout: 15_000 });
  // Final figures, not a time left.
  await expect(page.getByTestId("live-eta")).toHaveCount(0);
});
