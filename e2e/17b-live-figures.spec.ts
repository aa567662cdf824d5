import { expect, test, type Page } from "@playwright/test";
import { composeAndLaunch } from "./composer";
import { ADMIN, signIn } from "./fixtures";
import { disagreements, notDoneRows, readFigures, type PageFigures } from "./live-figures";

// Runs after 01-foundation (files run in name order on one server): the admin exists. A run of a few hundred
// recipients, fast enough to finish in seconds: the simulator, the account and the source number are opened up for
// it and put back afterwards.
test.describe.configure({ mode: "serial" });

const SIMULATOR = "http://127.0.0.1:4710";
const NUMBER = "+12065550142";
const RECIPIENTS = 300;
const PHONES = Array.from({ length: RECIPIENTS }, (_, i) => `+1206208${String(1000 + i)}`);
// The table re-reads at most once a second after the figures move; a read already under way is let land first.
const TABLE_FOLLOW_MS = 2_500;

interface ProgressRead {
  at: number;
  version: string;
  waiting: number;
  status: string;
}

let restore: { rate: number; burst: number; accountRate: string } | null = null;

async function setSending(page: Page, accountRate: string, numberRate: string) {
  await page.goto("/settings/sending");
  const account = page.getByLabel("Account sends per second");
  await account.fill(accountRate);
  await page.getByRole("button", { name: "Save send rate" }).click();
  await expect(page.getByText(`Account send rate set to ${accountRate} per second`)).toBeVisible();
  await page.getByLabel(`Messages per second for ${NUMBER}`).fill(numberRate);
  await page.getByRole("button", { name: "Save sending capacity" }).click();
  await expect(page.getByText(/^Sending capacity saved/)).toBeVisible();
}

test.afterAll(async ({ browser }) => {
  if (!restore) return;
  await fetch(`${SIMULATOR}/_local/config`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rate: restore.rate, burst: restore.burst }),
  });
  const page = await browser.newPage();
  await signIn(page, ADMIN);
  await setSending(page, restore.accountRate, "");
  await page.close();
});

test("during a run, the status, progress, recipient counts and recipients table agree at every poll, and end on final figures", async ({ page }) => {
  test.setTimeout(90_000);
  const sim = (await (await fetch(`${SIMULATOR}/_local/config`)).json()) as { rate: number; burst: number };
  await signIn(page, ADMIN);
  await page.goto("/settings/sending");
  restore = { rate: sim.rate, burst: sim.burst, accountRate: await page.getByLabel("Account sends per second").inputValue() };
  const put = await fetch(`${SIMULATOR}/_local/config`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rate: 200, burst: 200 }),
  });
  expect(put.status, await put.text()).toBe(200);
  await setSending(page, "60", "60");

  // Every read of progress and every read of the table's rows, timed as the page saw them.
  const reads: ProgressRead[] = [];
  const tableRequests: number[] = [];
  page.on("request", (req) => {
    if (/\/api\/campaigns\/[0-9a-f-]{36}\/recipients\?/.test(req.url())) tableRequests.push(Date.now());
  });
  page.on("response", async (res) => {
    if (!/\/api\/campaigns\/[0-9a-f-]{36}\/progress$/.test(res.url()) || !res.ok()) return;
    const at = Date.now();
    const { progress: p } = (await res.json()) as {
      progress: {
        status: string;
        counts: Record<"pending" | "sending" | "sent" | "failed" | "skipped", number>;
        waiting: { sendWindow: number; frequencyCap: number };
      };
    };
    const c = p.counts;
    reads.push({
      at,
      status: p.status,
      waiting: c.pending + c.sending,
      version: [p.status, c.pending, c.sending, c.sent, c.failed, c.skipped, p.waiting.sendWindow, p.waiting.frequencyCap].join("|"),
    });
  });

  await composeAndLaunch(page, "Live figures", PHONES, 40);

  const problems: string[] = [];
  const seen: PageFigures[] = [];
  let handled = 0;
  for (;;) {
    // The next poll's answer, then a frame for the page to show it.
    await expect.poll(() => reads.length, { timeout: 10_000, message: "the progress poll keeps coming while the campaign runs" }).toBeGreaterThan(handled);
    handled = reads.length;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const f = await readFigures(page);
    seen.push(f);
    for (const d of disagreements(f)) problems.push(`poll ${handled} (${f.badge}, ${f.done}/${f.total}): ${d}`);
    // The rows shown came from a read that began after some poll's answer; each row done then is done since, so the
    // table cannot show more rows not done than that poll counted waiting.
    const lastTableRead = tableRequests.findLast((t) => t < f.at - 200);
    const before = lastTableRead === undefined ? undefined : reads.findLast((r) => r.at < lastTableRead);
    if (before && notDoneRows(f) > before.waiting) {
      problems.push(
        `poll ${handled}: the table shows ${notDoneRows(f)} rows Pending/Sending/Waiting, but the poll before its read counted ${before.waiting} waiting`,
      );
    }
    if (f.status === "completed") break;
    expect(handled, "the campaign finishes within the polls expected of it").toBeLessThan(60);
  }

  // The table follows every move of the figures within its documented second (plus a read under way).
  await page.waitForTimeout(Math.max(0, reads[reads.length - 1]!.at + TABLE_FOLLOW_MS - Date.now()));
  await expect
    .poll(async () => notDoneRows(await readFigures(page)), { timeout: TABLE_FOLLOW_MS, message: "no row stays Pending once the run is over" })
    .toBe(0);
  reads.forEach((read, i) => {
    if (i === 0 || read.version === reads[i - 1]!.version) return;
    const followed = tableRequests.some((t) => t >= read.at && t <= read.at + TABLE_FOLLOW_MS);
    if (!followed) problems.push(`the table did not read its rows again within ${TABLE_FOLLOW_MS} ms of poll ${i + 1}'s move to ${read.version}`);
  });
  expect(problems, "the page's figures disagree").toEqual([]);

  // Enough polls saw the run in motion to mean something, and it ended on final figures.
  expect(seen.filter((f) => f.status === "running" && f.done > 0 && f.done < f.total).length, "polls seen mid-run").toBeGreaterThanOrEqual(2);
  const end = await readFigures(page);
  expect(end.sent + end.failed + end.skipped).toBe(RECIPIENTS);
  await expect(page.getByTestId("campaign-status")).toHaveText(/^Completed( · [\d,]+ failed)?$/);
  await expect(page.getByTestId("progress-percent")).toHaveText("100%");
  await expect(page.getByTestId("live-rate")).toHaveCount(0);
  await expect(page.getByTestId("live-final")).toContainText(`Sent ${end.sent} of ${RECIPIENTS}`);
});
