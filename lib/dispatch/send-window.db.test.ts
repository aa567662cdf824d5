// Send windows at send time, through real dispatchers, a real database and local Connect. The dispatcher judges the
// window by the real clock, so the window is set relative to now: it opens at the next whole minute in the recipients'
// zone (Seattle numbers: America/Los_Angeles). Until then every row waits, pending with what it waits for and the
// opening as its next attempt, attempts not counted, no error recorded, nothing sent; a dispatcher started again after a stop sends each row once
// when the window opens. A campaign that chose no window is sent meanwhile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SendWindow, Weekday } from "@/lib/settings/send-window-math";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { startDispatcher, type Dispatcher } from "./dispatcher";
import { campaignRow, launchTestCampaign, ledger, phoneAt, startSim, waitFor, type Sim } from "./dispatch-test-kit";
import { accountLimiterKey } from "./options";

const LIMITER = accountLimiterKey("us-east-1", "local");
const ZONE = "America/Los_Angeles";

/** The next whole minute at least 15 s away, with its weekday and clock in the zone. */
function nextMinuteIn(zone: string): { at: Date; weekday: Weekday; clock: string } {
  const at = new Date(Math.ceil((Date.now() + 15_000) / 60_000) * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { at, weekday: parts.weekday!.toLowerCase().slice(0, 3) as Weekday, clock: `${parts.hour}:${parts.minute}` };
}

describe("send windows at send time", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  const running: Dispatcher[] = [];
  const start = (workerId: string) => {
    const d = startDispatcher({ db: h.db, gateway: sim.gateway, workerId, log: () => {}, options: { limiterKey: LIMITER, accountSendsPerSecond: 500 } });
    running.push(d);
    return d;
  };
  const stopAll = async () => {
    await Promise.all(running.splice(0).map((d) => d.stop()));
  };

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 1_000, burst: 1_000, latencyMs: 50 }, 2_000);
  });
  afterAll(async () => {
    await stopAll();
    await sim?.close();
    await h?.close();
  });

  it("holds rows outside their window with the reason, and sends each once when it opens, across a restart", { timeout: 150_000 }, async () => {
    const opens = nextMinuteIn(ZONE);
    const closed = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };
    const window: SendWindow = { days: { ...closed, [opens.weekday]: { from: opens.clock, to: "24:00" } }, blockedDates: [] };
    const waiting = await launchTestCampaign(h.db, sim, { count: 6, first: 3000, name: "Morning", settings: { sendWindow: window } });
    const anyTime = await launchTestCampaign(h.db, sim, { count: 3, first: 4000, name: "Outage notice", settings: { sendWindow: "none" } });
    start("before");

    const held = await waitFor("the rows to wait for their window", async () => {
      const rows = await ledger(h.db, waiting);
      return rows.length === 6 && rows.every((r) => r.waitKind === "send_window") ? rows : undefined;
    });
    await waitFor("the campaign without a window to complete", async () => (await campaignRow(h.db, anyTime)).status === "completed");
    await stopAll();
    expect(Date.now()).toBeLessThan(opens.at.getTime());
    for (const row of held) {
      expect(row).toMatchObject({
        sendStatus: "pending",
        attempts: 0,
        contactId: null,
        waitReason: `waiting for send window (opens ${opens.clock} ${ZONE})`,
        lastErrorName: null,
        lastErrorMessage: null,
      });
      expect(Math.abs(row.nextAttemptAt!.getTime() - opens.at.getTime())).toBeLessThan(1_500);
    }
    const sentTo = async () => new Set((await sim.contacts()).map((c) => c.customerAddress));
    expect([...(await sentTo())].sort()).toEqual([4000, 4001, 4002].map(phoneAt));

    // Started again before the window opens: the new dispatcher sends nothing early, then everything once.
    start("after");
    await waitFor("the waiting campaign to complete", async () => (await campaignRow(h.db, waiting)).status === "completed", 100_000, 200);
    const rows = await ledger(h.db, waiting);
    expect(rows.every((r) => r.sendStatus === "sent" && r.attempts === 1 && r.waitKind === null && r.waitReason === null)).toBe(true);
    for (const row of rows) expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(opens.at.getTime() - 1_000);
    const chats = (await sim.contacts()).filter((c) => c.customerAddress.startsWith("+120655530"));
    expect(chats).toHaveLength(6);
    expect(new Set(chats.map((c) => c.customerAddress)).size).toBe(6);
  });
});
