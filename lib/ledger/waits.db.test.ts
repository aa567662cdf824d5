// What a pending row waits for (its send window, a frequency cap), over a real database: a wait is kept apart from the
// last error, gives its attempt back and puts the row off; whatever next happens to the row (a claim and the send
// after it, a cancel, an expiry, a retry of failed rows) clears it. The dispatcher's ledger probe tells how soon the
// earliest put-off row is due. Time passing is simulated by moving next_attempt_at on the row.
import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCampaign } from "@/lib/campaigns/queries";
import { campaignRecipients as r, type CampaignRecipient } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { claimBatch, ledgerState } from "./claim";
import { recordFailed, recordRetry, recordSent, recordSkipped, recordWait } from "./record-outcome";
import { requeueFailed } from "./requeue";
import { CANCELLED_REASON, CANCELLED_UNCERTAIN_REASON, EXPIRED_REASON, EXPIRED_UNCERTAIN_REASON, SKIP_BATCH_ROWS, skipRemaining } from "./skip-remaining";

const WORKER = "waits-test";
const WINDOW = "waiting for send window (opens 09:00 America/Chicago)";
const CAP = "Waiting for the frequency cap (at most 1 per day): sent from 2026-05-02T10:00:00.000Z";
const ISE = { kind: "transient" as const, name: "InternalServiceException", message: "Connect had a problem", requestId: "req-1" };

describe("waits on the recipient ledger", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function runningCampaign(rows: number): Promise<string> {
    const c = await insertCampaign(h.db, {
      name: "Waits",
      status: "running",
      channel: "sms",
      instanceId: "i-1",
      contactFlowId: "flow-1",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p",
      config: {},
      preflight: { counts: { valid: rows }, blocking: [], warnings: [] },
      createdBy: randomUUID(),
      createdByEmail: "ada@waits.test",
    });
    const values = Array.from({ length: rows }, (_, i) => {
      const phone = `+1206555${String(i + 1).padStart(4, "0")}`;
      return { campaignId: c.id, line: i + 2, phoneRaw: phone, phone, preflightStatus: "valid" as const, sendStatus: "pending" as const };
    });
    await h.db.insert(r).values(values);
    return c.id;
  }
  const rows = (campaignId: string) => h.db.select().from(r).where(eq(r.campaignId, campaignId)).orderBy(asc(r.line));
  const claim = (campaignId: string, limit = 100) => claimBatch(h.db, { campaignId, workerId: WORKER, limit, leaseMs: 60_000 });
  const dbNow = async () => {
    const res = (await h.db.execute(sql`select (extract(epoch from now()) * 1000)::float8 as ms`)) as unknown as { rows: { ms: number }[] };
    return Number(res.rows[0]!.ms);
  };
  /** Another process's clock moved on: the row's wait is over. */
  const dueNow = (id: number) =>
    h.db
      .update(r)
      .set({ nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(r.id, id));
  /** Claims every row of the campaign and records each one waiting for its window. */
  async function allWaiting(campaignId: string, delayMs = 60_000): Promise<CampaignRecipient[]> {
    for (const row of await claim(campaignId)) await recordWait(h.db, row, WORKER, { kind: "send_window", reason: WINDOW, delayMs });
    return rows(campaignId);
  }

  it("records a window wait apart from an earlier error, gives the attempt back, and clears it when the row is sent", async () => {
    const id = await runningCampaign(1);
    // A real failure first: Connect had a problem, the row is retried at once, its attempt counted.
    const [first] = await claim(id);
    expect(await recordRetry(h.db, first!, WORKER, { delayMs: 0, countsAsAttempt: true, error: ISE })).toBe(true);
    const [second] = await claim(id);
    expect(second).toMatchObject({ attempts: 2, sendStatus: "sending" });
    const before = await dbNow();
    expect(await recordWait(h.db, second!, WORKER, { kind: "send_window", reason: WINDOW, delayMs: 90_000 })).toBe(true);

    const [waiting] = await rows(id);
    expect(waiting).toMatchObject({
      sendStatus: "pending",
      attempts: 1,
      waitKind: "send_window",
      waitReason: WINDOW,
      lastErrorName: "InternalServiceException",
      lastErrorMessage: "Connect had a problem",
      awsRequestId: "req-1",
      claimedBy: null,
      leaseUntil: null,
    });
    expect(Math.abs(waiting!.nextAttemptAt!.getTime() - (before + 90_000))).toBeLessThan(1_000);
    // Put off: not claimed before its time.
    expect(await claim(id)).toEqual([]);

    await dueNow(waiting!.id);
    const [again] = await claim(id);
    expect(again).toMatchObject({ attempts: 2, waitKind: null, waitReason: null });
    expect(await recordSent(h.db, again!, WORKER, { contactId: `contact-${randomUUID()}` })).toBe(true);
    const [sent] = await rows(id);
    expect(sent).toMatchObject({ sendStatus: "sent", waitKind: null, waitReason: null, nextAttemptAt: null });
  });

  it("records a frequency-cap wait likewise, and only the row's own claim may record it", async () => {
    const id = await runningCampaign(1);
    const [claimed] = await claim(id);
    expect(await recordWait(h.db, claimed!, "someone-else", { kind: "frequency_cap", reason: CAP, delayMs: 5_000 })).toBe(false);
    expect(await recordWait(h.db, claimed!, WORKER, { kind: "frequency_cap", reason: CAP, delayMs: 5_000 })).toBe(true);
    const [waiting] = await rows(id);
    expect(waiting).toMatchObject({ sendStatus: "pending", attempts: 0, waitKind: "frequency_cap", waitReason: CAP, lastErrorName: null });
  });

  it("clears the wait of a row that is retried, failed or skipped after its next claim", async () => {
    const id = await runningCampaign(3);
    const waiting = await allWaiting(id);
    expect(waiting.every((x) => x.waitKind === "send_window")).toBe(true);
    for (const row of waiting) await dueNow(row.id);
    const [a, b, c] = await claim(id);
    await recordRetry(h.db, a!, WORKER, {
      delayMs: 60_000,
      countsAsAttempt: false,
      error: { kind: "throttled", name: "ThrottlingException", message: "slow down" },
    });
    await recordFailed(h.db, b!, WORKER, { kind: "permanent-for-this-recipient", name: "InvalidParameterException", message: "bad" });
    await recordSkipped(h.db, [c!], WORKER, "on the suppression list");
    const after = await rows(id);
    expect(after.map((x) => x.sendStatus)).toEqual(["pending", "failed", "skipped"]);
    expect(after.every((x) => x.waitKind === null && x.waitReason === null)).toBe(true);
  });

  it("clears the wait of rows a cancel skips, untried or not", async () => {
    const id = await runningCampaign(2);
    const [untried, tried] = await claim(id);
    await recordWait(h.db, untried!, WORKER, { kind: "frequency_cap", reason: CAP, delayMs: 60_000 });
    // The second row had a call with no known outcome before it came to wait.
    await recordRetry(h.db, tried!, WORKER, { delayMs: 0, countsAsAttempt: true, error: ISE });
    const [again] = await claim(id);
    await recordWait(h.db, again!, WORKER, { kind: "frequency_cap", reason: CAP, delayMs: 60_000 });
    expect((await rows(id)).map((x) => [x.waitKind, x.attempts > 0])).toEqual([
      ["frequency_cap", false],
      ["frequency_cap", true],
    ]);

    expect(await skipRemaining(h.db, id, CANCELLED_REASON)).toBe(2);
    const after = await rows(id);
    expect(after.map((x) => [x.sendStatus, x.reason, x.waitKind, x.waitReason])).toEqual([
      ["skipped", CANCELLED_REASON, null, null],
      ["skipped", CANCELLED_UNCERTAIN_REASON, null, null],
    ]);
  });

  it("clears the wait of rows that expire at the deadline, in batches as the dispatcher skips them", async () => {
    const id = await runningCampaign(3);
    await allWaiting(id);
    expect(await skipRemaining(h.db, id, EXPIRED_REASON, { batchRows: SKIP_BATCH_ROWS, maxBatches: 1 })).toBe(3);
    const after = await rows(id);
    expect(after.every((x) => x.sendStatus === "skipped" && x.reason === EXPIRED_REASON && x.waitKind === null && x.waitReason === null)).toBe(true);
    expect(after.some((x) => x.reason === EXPIRED_UNCERTAIN_REASON)).toBe(false);
  });

  it("leaves no wait on rows a retry of failed rows puts back", async () => {
    const id = await runningCampaign(2);
    await allWaiting(id);
    // Whatever a failed row carries, Retry failed queues it afresh: due now, with nothing to wait for.
    await h.db.update(r).set({ sendStatus: "failed", nextAttemptAt: null }).where(eq(r.campaignId, id));
    const { requeued } = await requeueFailed(h.db, id, sql`true`, false);
    expect(requeued).toBe(2);
    const after = await rows(id);
    expect(after.map((x) => [x.sendStatus, x.waitKind, x.waitReason, x.nextAttemptAt])).toEqual([
      ["pending", null, null, null],
      ["pending", null, null, null],
    ]);
  });

  it("tells how soon the earliest put-off row is due when none is due now", async () => {
    const id = await runningCampaign(3);
    expect(await ledgerState(h.db, id)).toEqual({ due: true, unfinished: true, nextDueInMs: null });
    const claimed = await claim(id);
    // Rows being sent and none put off: unfinished, with nothing to sleep until.
    expect(await ledgerState(h.db, id)).toEqual({ due: false, unfinished: true, nextDueInMs: null });
    const delays = [40_000, 2_000, 60_000];
    for (const [i, row] of claimed.entries()) await recordWait(h.db, row, WORKER, { kind: "send_window", reason: WINDOW, delayMs: delays[i]! });
    const state = await ledgerState(h.db, id);
    expect(state).toMatchObject({ due: false, unfinished: true });
    expect(state.nextDueInMs).toBeGreaterThan(1_000);
    expect(state.nextDueInMs).toBeLessThanOrEqual(2_000);

    await dueNow(claimed[2]!.id);
    expect(await ledgerState(h.db, id)).toEqual({ due: true, unfinished: true, nextDueInMs: null });
    for (const row of await claim(id)) await recordSent(h.db, row, WORKER, { contactId: `contact-${randomUUID()}` });
    const rest = await ledgerState(h.db, id);
    expect(rest.nextDueInMs).toBeGreaterThan(1_000);
    expect(rest.nextDueInMs).toBeLessThanOrEqual(2_000);

    await h.db.update(r).set({ sendStatus: "sent", nextAttemptAt: null }).where(eq(r.campaignId, id));
    expect(await ledgerState(h.db, id)).toEqual({ due: false, unfinished: false, nextDueInMs: null });
  });
});
