// A campaign whose rows all wait, through the real dispatcher, a real database and local Connect: it is not looked at
// every poll but rested until its earliest row is due (never longer than restMaxMs, nor past its deadline), its rows
// are sent when due and not before, and Retry failed in this process ends the rest at once. A row's own time zone
// from the list decides its send window.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/safe-action";
import { retryFailed } from "@/lib/campaigns/retry";
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import { campaignRecipients as r, campaigns } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { claimBatch } from "@/lib/ledger/claim";
import { recordFailed, recordWait } from "@/lib/ledger/record-outcome";
import type { SendWindow, Weekday } from "@/lib/settings/send-window-math";
import { readSendingCapacity } from "@/lib/settings/sending-capacity";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { CampaignState } from "./campaign-state";
import { startDueCampaigns } from "./campaign-transitions";
import type { DispatchContext } from "./dispatch-context";
import { startDispatcher, type Dispatcher } from "./dispatcher";
import { campaignRow, launchTestCampaign, ledger, startSim, waitFor, type Sim } from "./dispatch-test-kit";
import { fillCampaign } from "./fill-campaign";
import { NumberDirectory } from "./number-directory";
import { accountLimiterKey, resolveDispatchOptions, type DispatchOptions } from "./options";
import { sendWindowHold } from "./send-recipient";
import { ThrottleWindow } from "./throttle-window";
import { WhatsAppBudget } from "./whatsapp-budget";

const LIMITER = accountLimiterKey("us-east-1", "local");
const HOLDER = "earlier-dispatcher";
const WINDOW_WORDS = "waiting for send window (opens 09:00 America/Chicago)";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a campaign whose rows all wait", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  const running: Dispatcher[] = [];

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 1_000, burst: 1_000, latencyMs: 20 }, 2_000);
  });
  afterAll(async () => {
    await Promise.all(running.map((d) => d.stop()));
    await sim?.close();
    await h?.close();
  });

  async function contextFor(options: Partial<DispatchOptions> = {}): Promise<DispatchContext> {
    const o = resolveDispatchOptions({ limiterKey: LIMITER, accountSendsPerSecond: 500, ...options });
    return {
      db: h.db,
      gateway: sim.gateway,
      workerId: `fill-${randomUUID()}`,
      o,
      log: () => {},
      account: { key: o.limiterKey, rate: o.accountSendsPerSecond, burst: o.accountSendsPerSecond },
      limiter: { currentRate: o.accountSendsPerSecond, successes: 0, lastThrottleMs: 0, recent: new ThrottleWindow() },
      // The number rate launchTestCampaign set in Settings → Sending, as the dispatcher reads it.
      capacity: await readSendingCapacity(h.db),
      numbers: new NumberDirectory(sim.gateway, o, () => {}),
      whatsApp: new WhatsAppBudget(o),
    };
  }
  const start = (workerId: string, options: Partial<DispatchOptions> = {}) => {
    const d = startDispatcher({
      db: h.db,
      gateway: sim.gateway,
      workerId,
      log: () => {},
      options: { limiterKey: LIMITER, accountSendsPerSecond: 500, ...options },
    });
    running.push(d);
    return d;
  };

  /** A running campaign whose rows an earlier dispatcher claimed and recorded waiting, row i for delays[i] ms. */
  async function waitingCampaign(name: string, delays: number[]) {
    const id = await launchTestCampaign(h.db, sim, { count: delays.length, name });
    await startDueCampaigns(h.db, HOLDER);
    const claimed = await claimBatch(h.db, { campaignId: id, workerId: HOLDER, limit: delays.length, leaseMs: 60_000 });
    expect(claimed).toHaveLength(delays.length);
    for (const [i, row] of claimed.entries()) await recordWait(h.db, row, HOLDER, { kind: "send_window", reason: WINDOW_WORDS, delayMs: delays[i]! });
    const [c] = await h.db.select({ config: campaigns.config }).from(campaigns).where(eq(campaigns.id, id));
    return { id, rows: claimed, st: new CampaignState({ id, config: c!.config as CampaignConfig }, 20) };
  }

  it("rests until the earliest row is due instead of looking every poll, then claims what is due", async () => {
    const { rows, st } = await waitingCampaign("Resting", [2_000, 3_000, 60_000]);
    const ctx = await contextFor();
    const first = await fillCampaign(ctx, st, 10);
    expect(first.rows).toEqual([]);
    // Close to the earliest row's wait, far beyond the 250 ms poll.
    expect(first.waitMs).toBeGreaterThan(1_500);
    expect(first.waitMs).toBeLessThanOrEqual(2_000);

    // Another process makes the last row due meanwhile: during the rest the ledger is not looked at, so it is not seen.
    await h.db
      .update(r)
      .set({ nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(r.id, rows[2]!.id));
    const during = await fillCampaign(ctx, st, 10);
    expect(during.rows).toEqual([]);
    expect(during.waitMs).toBeGreaterThan(1_000);
    expect(during.waitMs).toBeLessThanOrEqual(first.waitMs);

    await sleep(during.waitMs + 50);
    const after = await fillCampaign(ctx, st, 10);
    expect(after.rows.map((x) => x.id).sort()).toEqual([rows[0]!.id, rows[2]!.id].sort());
    expect(after.rows.every((x) => x.waitKind === null && x.waitReason === null)).toBe(true);
  });

  it("never rests longer than restMaxMs, nor past the deadline", async () => {
    const capped = await waitingCampaign("Capped", [60_000]);
    const rest = await fillCampaign(await contextFor({ restMaxMs: 400 }), capped.st, 10);
    expect(rest).toMatchObject({ rows: [] });
    expect(rest.waitMs).toBeGreaterThan(300);
    expect(rest.waitMs).toBeLessThanOrEqual(400);

    const ending = await waitingCampaign("Ending", [60_000]);
    ending.st.deadlineMs = Date.now() + 300;
    const untilEnd = await fillCampaign(await contextFor(), ending.st, 10);
    expect(untilEnd.waitMs).toBeLessThanOrEqual(300);
    await sleep(untilEnd.waitMs + 20);
    // The deadline passed while resting: the waiting row expires, its wait cleared.
    await fillCampaign(await contextFor(), ending.st, 10);
    const [expired] = await ledger(h.db, ending.id);
    expect(expired).toMatchObject({ sendStatus: "skipped", reason: "expired", waitKind: null, waitReason: null });
  });

  it("sends each row when it is due and not before", { timeout: 30_000 }, async () => {
    const { id } = await waitingCampaign("Due soon", [1_500, 2_000, 2_500]);
    const due = new Map((await ledger(h.db, id)).map((x) => [x.id, x.nextAttemptAt!.getTime()]));
    const d = start("sends-when-due");
    await waitFor("the campaign to complete", async () => (await campaignRow(h.db, id)).status === "completed", 15_000);
    await d.stop();
    for (const row of await ledger(h.db, id)) {
      expect(row).toMatchObject({ sendStatus: "sent", attempts: 1, waitKind: null, waitReason: null });
      const lateBy = row.sentAt!.getTime() - due.get(row.id)!;
      expect(lateBy).toBeGreaterThanOrEqual(0);
      expect(lateBy).toBeLessThan(1_000);
    }
  });

  it("sends failed rows re-queued by Retry failed at once, however long the campaign was resting", { timeout: 30_000 }, async () => {
    // The third row's wait is over, and its send then failed for good.
    const { id, rows } = await waitingCampaign("Retried", [60_000, 60_000, 0]);
    const [third] = await claimBatch(h.db, { campaignId: id, workerId: HOLDER, limit: 1, leaseMs: 60_000 });
    expect(third!.id).toBe(rows[2]!.id);
    await recordFailed(h.db, third!, HOLDER, { kind: "permanent-for-this-recipient", name: "InvalidParameterException", message: "bad" });
    start("resting", { restMaxMs: 30_000 });
    // Its first pass finds nothing due and rests for 30 s.
    await sleep(1_000);

    const u = await insertUser(h.db, { email: `sam-${randomUUID()}@rest.test`, name: "Sam", role: "supervisor", passwordHash: null });
    const user = { id: u.id, email: u.email, name: u.name, role: "supervisor" as const, sessionId: "s", mustChangePassword: false };
    const retried = await runAction(retryFailed, { campaignId: id }, { user, db: h.db, meta: { requestId: "rest", ip: null, userAgent: null } });
    expect(retried).toMatchObject({ ok: true });
    const sent = await waitFor(
      "the re-queued row to be sent",
      async () => (await ledger(h.db, id)).find((x) => x.id === third!.id && x.sendStatus === "sent"),
      3_000,
    );
    expect(sent).toMatchObject({ waitKind: null, attempts: 1 });
    expect((await ledger(h.db, id)).filter((x) => x.waitKind === "send_window")).toHaveLength(2);
  });

  it("judges a row's send window in its own time zone from the list", async () => {
    const zone = "Asia/Tokyo";
    const at = new Date(Math.ceil((Date.now() + 15_000) / 60_000) * 60_000);
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        .formatToParts(at)
        .map((p) => [p.type, p.value]),
    );
    const weekday = parts.weekday!.toLowerCase().slice(0, 3) as Weekday;
    const clock = `${parts.hour}:${parts.minute}`;
    const closed = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };
    const window: SendWindow = { days: { ...closed, [weekday]: { from: clock, to: "24:00" } }, blockedDates: [] };

    const id = await launchTestCampaign(h.db, sim, { count: 1, name: "Tokyo", settings: { sendWindow: window } });
    await startDueCampaigns(h.db, HOLDER);
    // A Seattle number whose list gave Tokyo as its time zone.
    await h.db.update(r).set({ timeZone: zone }).where(eq(r.campaignId, id));
    const [row] = await claimBatch(h.db, { campaignId: id, workerId: HOLDER, limit: 1, leaseMs: 60_000 });
    const config = (await campaignRow(h.db, id)).config as CampaignConfig;
    expect(await sendWindowHold({ db: h.db, workerId: HOLDER }, config, row!)).toEqual({ capped: "wait" });
    const [waiting] = await ledger(h.db, id);
    expect(waiting).toMatchObject({
      sendStatus: "pending",
      attempts: 0,
      waitKind: "send_window",
      waitReason: `waiting for send window (opens ${clock} ${zone})`,
    });
    expect(Math.abs(waiting!.nextAttemptAt!.getTime() - at.getTime())).toBeLessThan(1_500);
  });
});
