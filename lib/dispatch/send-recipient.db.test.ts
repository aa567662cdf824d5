// Frequency caps at send time, through real dispatchers, a real database and local Connect: two campaigns to the same
// numbers launched at once by two dispatchers give each number one chat under a 1-per-day cap, the other row skipped
// with its reason; a console started again still counts those contacts; an exempt campaign is sent and audited as
// such; a rule that waits holds the row until the oldest contact leaves the window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { runAction } from "@/lib/actions/safe-action";
import { auditLog, contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { updateFrequencyCaps } from "@/lib/settings/frequency-caps-actions";
import type { FrequencyCapRule } from "@/lib/settings/frequency-caps-schema";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { startDispatcher, type Dispatcher } from "./dispatcher";
import { campaignRow, launchTestCampaign, ledger, phoneAt, startSim, waitFor, type Sim } from "./dispatch-test-kit";
import { accountLimiterKey } from "./options";

const COUNT = 20;
const LIMITER = accountLimiterKey("us-east-1", "local");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("frequency caps at send time", () => {
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
  async function setCaps(rules: FrequencyCapRule[]) {
    const u = await insertUser(h.db, { email: `admin-${randomUUID()}@caps.test`, name: "Ad", role: "admin", passwordHash: null });
    const user = { id: u.id, email: u.email, name: u.name, role: "admin" as const, sessionId: "s", mustChangePassword: false };
    const done = await runAction(updateFrequencyCaps, { rules }, { user, db: h.db, meta: { requestId: "caps", ip: null, userAgent: null } });
    if (!done.ok) throw new Error(done.error.message);
    // Each process reads the setting at most once a second.
    await sleep(1_100);
  }
  const finished = (id: string) => waitFor(`campaign ${id} to complete`, async () => (await campaignRow(h.db, id)).status === "completed", 30_000);
  const chatsPerNumber = async () => {
    const byPhone = new Map<string, number>();
    for (const c of await sim.contacts()) byPhone.set(c.customerAddress, (byPhone.get(c.customerAddress) ?? 0) + 1);
    return byPhone;
  };

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 1_000, burst: 1_000, latencyMs: 300 }, 2_000);
  });
  afterAll(async () => {
    await stopAll();
    await sim?.close();
    await h?.close();
  });

  it("sends each number once when two campaigns to it run at the same moment under a 1-per-day cap", async () => {
    await setCaps([{ count: 1, windowHours: 24, whenCapped: "skip" }]);
    const a = await launchTestCampaign(h.db, sim, { count: COUNT, name: "Sale A" });
    const b = await launchTestCampaign(h.db, sim, { count: COUNT, name: "Sale B" });
    start("one");
    start("two");
    await Promise.all([finished(a), finished(b)]);

    const chats = await chatsPerNumber();
    expect(chats.size).toBe(COUNT);
    expect([...chats.values()].every((n) => n === 1)).toBe(true);
    const rows = [...(await ledger(h.db, a)), ...(await ledger(h.db, b))];
    for (let i = 0; i < COUNT; i++) {
      const mine = rows.filter((r) => r.phone === phoneAt(1000 + i));
      expect(mine.map((r) => r.sendStatus).sort()).toEqual(["sent", "skipped"]);
      expect(mine.find((r) => r.sendStatus === "skipped")).toMatchObject({ reason: "frequency cap", contactId: null });
    }
  });

  it("still counts those contacts after the console starts again, and sends an exempt campaign, audited as exempt", async () => {
    await stopAll();
    const before = (await sim.contacts()).length;
    const c = await launchTestCampaign(h.db, sim, { count: COUNT, name: "Sale C" });
    const notice = await launchTestCampaign(h.db, sim, { count: 5, name: "Outage notice", settings: { frequencyCap: "exempt" } });
    start("restarted");
    await Promise.all([finished(c), finished(notice)]);

    const capped = await ledger(h.db, c);
    expect(capped.every((r) => r.sendStatus === "skipped" && r.reason === "frequency cap")).toBe(true);
    expect((await ledger(h.db, notice)).every((r) => r.sendStatus === "sent")).toBe(true);
    expect((await sim.contacts()).length).toBe(before + 5);

    const audit = await h.db
      .select({ action: auditLog.action, diff: auditLog.diff })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, notice), inArray(auditLog.action, ["campaign.created", "campaign.launched"])));
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "campaign.created", diff: expect.objectContaining({ frequencyCap: "exempt" }) },
        { action: "campaign.launched", diff: expect.objectContaining({ frequencyCapExempt: true }) },
      ]),
    );
  });

  it("holds a row whose rule waits until the oldest counted contact leaves the window, never sending it meanwhile", async () => {
    await stopAll();
    await setCaps([{ count: 2, windowHours: 48, whenCapped: "wait" }]);
    // The numbers got two chats each so far (Sale A or B, and the first 5 the outage notice too): those 5 are at the cap.
    const d = await launchTestCampaign(h.db, sim, { count: 8, name: "Reminder" });
    const before = (await sim.contacts()).length;
    start("waiting");
    const rows = await waitFor("the rows to settle", async () => {
      const r = await ledger(h.db, d);
      return r.filter((x) => x.sendStatus === "sent").length === 3 && r.filter((x) => x.waitKind === "frequency_cap").length === 5 ? r : undefined;
    });
    await stopAll();
    expect((await sim.contacts()).length).toBe(before + 3);
    for (const row of rows.filter((x) => x.waitKind === "frequency_cap")) {
      expect(row).toMatchObject({ sendStatus: "pending", contactId: null, attempts: 0, lastErrorName: null });
      const earlier = await h.db.select({ at: contacts.createdAt }).from(contacts).where(eq(contacts.customerPhone, row.phone!));
      const oldest = Math.min(...earlier.map((e) => e.at.getTime()));
      // Due when the older of its two contacts is 48 hours old (to the database's clock, within a second).
      expect(Math.abs(row.nextAttemptAt!.getTime() - (oldest + 48 * 3_600_000))).toBeLessThan(1_500);
      expect(row.waitReason).toMatch(/^Waiting for the frequency cap \(at most 2 per 2 days\): sent from /);
    }
    expect((await campaignRow(h.db, d)).status).toBe("running");
  });
});
