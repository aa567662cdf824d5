// History over a real database: keyset pages that stay put while rows arrive, filters and number search, the CSV
// export, and Retry failed proven against the simulator and a running dispatcher (same ClientToken, same contact).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { startDispatcher, type Dispatcher } from "@/lib/dispatch/dispatcher";
import { campaignRow, expectExactlyOnce, launchTestCampaign, ledger, startSim, waitFor, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { accountLimiterKey } from "@/lib/dispatch/options";
import { sendToRecipient } from "@/lib/dispatch/send-recipient";
import { auditLog, campaignRecipients, campaigns } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "./controls";
import { campaignListSchema, recipientListSchema } from "./history-list-schemas";
import { iterateRecipientHistory, listCampaignHistory, listRecipientHistory } from "./history-queries";
import { insertCampaign } from "./queries";
import { retryFailed } from "./retry";
import type { CampaignConfig } from "./schemas";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { GET: campaignsRoute } = await import("@/app/api/campaigns/route");
const { GET: recipientsRoute } = await import("@/app/api/campaigns/[id]/recipients/route");
const { GET: exportRoute } = await import("@/app/api/campaigns/[id]/recipients.csv/route");
const { POST: controlRoute } = await import("@/app/api/v1/campaigns/[id]/[control]/route");

const meta = { requestId: "history-test", ip: null, userAgent: null };
const call = (handler: typeof campaignsRoute, url: string, params: Record<string, string> = {}, method = "GET") =>
  handler(new Request(`http://console.test${url}`, { method, headers: { "x-request-id": "req-history" } }), { params: Promise.resolve(params) });

describe("History", () => {
  let db: DatabaseHandle["db"];
  let sim: Sim;
  let dispatcher: Dispatcher;
  let supervisor: SessionUser;
  let viewer: SessionUser;
  const as = (user: SessionUser) => ({ user, db, meta });

  beforeAll(async () => {
    state.db = await createTestDb();
    db = state.db.db;
    sim = await startSim({ rate: 1_000, burst: 1_000 });
    // One attempt per row and no auto-pause: a failure injected into Connect fails exactly the rows it hits.
    dispatcher = startDispatcher({
      db,
      gateway: sim.gateway,
      workerId: "history",
      log: () => {},
      options: { limiterKey: accountLimiterKey("us-east-1", "local"), accountSendsPerSecond: 1_000, maxAttempts: 1, errorWindow: 10_000, pollMs: 50 },
    });
    const s = await insertUser(db, { email: "sam@history.test", name: "Sam", role: "supervisor", passwordHash: null });
    const v = await insertUser(db, { email: "vic@history.test", name: "Vic", role: "viewer", passwordHash: null });
    supervisor = { id: s.id, email: s.email, name: s.name, role: "supervisor", sessionId: "test-session", mustChangePassword: false };
    viewer = { id: v.id, email: v.email, name: v.name, role: "viewer", sessionId: "test-session", mustChangePassword: false };
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await sim?.close();
    await state.db?.close();
  });

  const addCampaign = (over: Partial<typeof campaigns.$inferInsert>) =>
    insertCampaign(db, {
      name: "Campaign",
      status: "completed",
      channel: "sms",
      instanceId: "i-1",
      contactFlowId: "flow-1",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p",
      config: {},
      preflight: { counts: { valid: 0 }, blocking: [], warnings: [] },
      createdBy: randomUUID(),
      createdByEmail: "ada@list.test",
      ...over,
    });

  it("pages campaigns by (sort key, id): filters and name search, and campaigns created between pages change nothing", async () => {
    const day = (d: number, h = 9) => new Date(Date.UTC(2026, 2, d, h, 0, 0, 123));
    await addCampaign({ name: "Spring reminders", createdAt: day(1), launchedAt: day(1, 10), finishedAt: day(1, 11) });
    await addCampaign({ name: "summer sale", status: "paused", channel: "whatsapp", createdAt: day(2), launchedAt: day(3) });
    await addCampaign({ name: "Autumn 100% off", status: "cancelled", createdAt: day(3), createdByEmail: "bob@list.test", launchedAt: day(2) });
    // Created at the same instant: the id breaks the tie, so a page boundary between them loses neither.
    await addCampaign({ name: "Winter draft", status: "draft", createdAt: day(4) });
    await addCampaign({ name: "Winter twin", status: "draft", createdAt: day(4) });
    await addCampaign({ name: "Paused promo", status: "paused", createdAt: day(5), launchedAt: day(5, 10) });
    const all = { creator: "@list.test" };
    const names = (rows: { name: string }[]) => rows.map((r) => r.name);
    const list = (q: Record<string, string>) => listCampaignHistory(db, campaignListSchema.parse({ ...all, ...q }));

    const first = await list({ limit: "2" });
    const secondBefore = await list({ limit: "2", cursor: first.nextCursor! });
    expect(names(first.campaigns)[0]).toBe("Paused promo");
    expect([names(first.campaigns)[1], names(secondBefore.campaigns)[0]].sort()).toEqual(["Winter draft", "Winter twin"]);
    expect(names(secondBefore.campaigns)[1]).toBe("Autumn 100% off");
    // A campaign created meanwhile sorts before the cursor: the next page is the same as before it arrived.
    await addCampaign({ name: "Late arrival", status: "draft", createdAt: new Date() });
    const secondAfter = await list({ limit: "2", cursor: first.nextCursor! });
    expect(secondAfter.campaigns.map((c) => c.id)).toEqual(secondBefore.campaigns.map((c) => c.id));

    // Name order ignores case; never-launched campaigns come last whichever way launch time is sorted.
    expect(names((await list({ sort: "name" })).campaigns)).toEqual([
      "Autumn 100% off",
      "Late arrival",
      "Paused promo",
      "Spring reminders",
      "summer sale",
      "Winter draft",
      "Winter twin",
    ]);
    const launched = async (dir: string) => {
      const out: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ sort: "launched", dir, limit: "2", ...(cursor ? { cursor } : {}) });
        out.push(...names(page.campaigns));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    };
    expect((await launched("desc")).slice(0, 4)).toEqual(["Paused promo", "summer sale", "Autumn 100% off", "Spring reminders"]);
    expect((await launched("asc")).slice(0, 4)).toEqual(["Spring reminders", "Autumn 100% off", "summer sale", "Paused promo"]);
    expect((await launched("asc")).slice(4).sort()).toEqual(["Late arrival", "Winter draft", "Winter twin"]);
    expect((await launched("desc")).slice(4).sort()).toEqual(["Late arrival", "Winter draft", "Winter twin"]);

    expect(names((await list({ status: "cancelled" })).campaigns)).toEqual(["Autumn 100% off"]);
    expect(names((await list({ channel: "whatsapp" })).campaigns)).toEqual(["summer sale"]);
    expect(names((await list({ creator: "BOB@" })).campaigns)).toEqual(["Autumn 100% off"]);
    expect(names((await list({ q: "100%" })).campaigns)).toEqual(["Autumn 100% off"]);
    expect(names((await list({ q: "SUMMER" })).campaigns)).toEqual(["summer sale"]);
    expect(names((await list({ from: day(2).toISOString(), to: day(3, 23).toISOString() })).campaigns)).toEqual(["Autumn 100% off", "summer sale"]);

    state.user = viewer;
    const res = await call(campaignsRoute, "/api/campaigns?creator=@list.test&status=completed");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.campaigns.map((c: { name: string }) => c.name)).toEqual(["Spring reminders"]);
    expect(body.campaigns[0]).toMatchObject({
      channel: "sms",
      contactFlowId: "flow-1",
      createdByEmail: "ada@list.test",
      progress: { sent: 0, failed: 0, skipped: 0, total: 0 },
    });
    const badStatus = await call(campaignsRoute, "/api/campaigns?status=finished");
    expect(badStatus.status).toBe(400);
    expect(Object.keys((await badStatus.json()).error.fields)).toEqual(["status"]);
    const badRange = await call(campaignsRoute, "/api/campaigns?from=2026-03-05&to=2026-03-01");
    expect((await badRange.json()).error.fields).toEqual({ to: "must be after the start of the range" });
    expect((await call(campaignsRoute, "/api/campaigns?cursor=not-a-cursor")).status).toBe(400);
    state.user = null;
    expect((await call(campaignsRoute, "/api/campaigns")).status).toBe(401);
  });

  /** A completed campaign with a hand-made ledger: lines 10, 20 … 200. */
  async function ledgerCampaign(name: string) {
    const c = await addCampaign({ name, createdByEmail: "ada@ledger.test" });
    const base = Date.UTC(2026, 2, 1, 12);
    const rows = Array.from({ length: 20 }, (_, i) => {
      const line = (i + 1) * 10;
      const phone = `+1206555${String(line).padStart(4, "0")}`;
      const common = {
        campaignId: c.id,
        line,
        phone,
        phoneRaw: `(206) 555-${String(line).padStart(4, "0")}`,
        name: `R${line}`,
        preflightStatus: "valid" as const,
        attempts: 1,
      };
      if (line === 30 || line === 90)
        return {
          ...common,
          phone: null,
          phoneRaw: line === 30 ? "12345" : "call me",
          preflightStatus: "invalid" as const,
          reason: "not a number",
          attempts: 0,
        };
      if (line % 40 === 0)
        return {
          ...common,
          sendStatus: "failed" as const,
          lastErrorName: line === 80 ? "InvalidRequestException" : "InternalServiceException",
          lastErrorMessage: "no",
        };
      if (line === 50)
        return { ...common, name: '=HYPERLINK("http://evil.example","click")', sendStatus: "sent" as const, contactId: "c-50", sentAt: new Date(base + 7_000) };
      // Two rows share a send time: the line breaks the tie.
      return { ...common, sendStatus: "sent" as const, contactId: `c-${line}`, sentAt: new Date(base + (line === 70 ? 60 : line) * 1000) };
    });
    await db.insert(campaignRecipients).values(rows);
    return c;
  }

  it("pages recipients by line and by sent time, filters and searches them, and rows inserted between pages change nothing", async () => {
    const c = await ledgerCampaign("Ledger");
    const page = (q: Record<string, string>) => listRecipientHistory(db, c.id, recipientListSchema.parse(q));
    const lines = (rows: { line: number }[]) => rows.map((r) => r.line);

    const first = await page({ limit: "5" });
    expect(lines(first.rows)).toEqual([10, 20, 30, 40, 50]);
    const nextBefore = await page({ limit: "5", cursor: first.nextCursor! });
    await db
      .insert(campaignRecipients)
      .values([15, 45, 1000].map((line) => ({ campaignId: c.id, line, phoneRaw: `x${line}`, preflightStatus: "invalid" as const })));
    const nextAfter = await page({ limit: "5", cursor: first.nextCursor! });
    expect(lines(nextAfter.rows)).toEqual(lines(nextBefore.rows));
    expect(lines(nextAfter.rows)).toEqual([60, 70, 80, 90, 100]);

    const everything = async (q: Record<string, string>) => {
      const out: number[] = [];
      let cursor: string | undefined;
      do {
        const p = await page({ ...q, limit: "3", ...(cursor ? { cursor } : {}) });
        out.push(...lines(p.rows));
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      return out;
    };
    // Sent rows by send time (70 was sent with 60; the line breaks the tie), then the never-sent by line.
    const sentDesc = await everything({ sort: "sent" });
    expect(sentDesc).toEqual([190, 180, 170, 150, 140, 130, 110, 100, 70, 60, 20, 10, 50, 1000, 200, 160, 120, 90, 80, 45, 40, 30, 15]);
    expect(await everything({ sort: "sent", dir: "asc" })).toEqual([
      50, 10, 20, 60, 70, 100, 110, 130, 140, 150, 170, 180, 190, 15, 30, 40, 45, 80, 90, 120, 160, 200, 1000,
    ]);
    expect(await everything({ dir: "desc" })).toEqual([...(await everything({}))].reverse());

    expect(await everything({ status: "failed" })).toEqual([40, 80, 120, 160, 200]);
    expect(await everything({ status: "failed", error: "InvalidRequestException" })).toEqual([80]);
    expect(await everything({ error: "InternalServiceException" })).toEqual([40, 120, 160, 200]);
    expect(await everything({ status: "invalid" })).toEqual([15, 30, 45, 90, 1000]);
    // The digits anywhere in the E.164 number, or the text as written.
    expect(await everything({ q: "+1 206 555 01" })).toEqual([100, 110, 120, 130, 140, 150, 160, 170, 180, 190]);
    expect(await everything({ q: "0150" })).toEqual([150]);
    expect(await everything({ q: "555-0020" })).toEqual([20]);
    expect(await everything({ q: "call me" })).toEqual([90]);
    expect(await everything({ q: "123" })).toEqual([30]);
    expect(await everything({ q: "%" })).toEqual([]);

    state.user = viewer;
    const res = await call(recipientsRoute, `/api/campaigns/${c.id}/recipients?status=failed&limit=2`, { id: c.id });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.recipients.map((r: { line: number }) => r.line)).toEqual([40, 80]);
    expect(body.recipients[1]).toMatchObject({ phone: "+12065550080", sendStatus: "failed", lastErrorName: "InvalidRequestException", attempts: 1 });
    expect((await call(recipientsRoute, `/api/campaigns/${c.id}/recipients?status=lost`, { id: c.id })).status).toBe(400);
    expect((await call(recipientsRoute, `/api/campaigns/${randomUUID()}/recipients`, { id: randomUUID() })).status).toBe(404);
  });

  it("exports the filtered recipients as CSV, in order, a page at a time, with formulas neutralised, and audits it", async () => {
    const c = await ledgerCampaign("Export =me");
    state.user = viewer;
    const res = await call(exportRoute, `/api/campaigns/${c.id}/recipients.csv?status=sent&sort=line`, { id: c.id });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toContain("Export-me-recipients.csv");
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "line,phone,phone_as_written,name,status,preflight_status,reason,contact_id,attempts,last_error_name,last_error_message,sent_at,delivered_at,read_at,replied_at,opted_out_at,waiting_for,wait_reason,time_zone",
    );
    expect(lines.slice(1).map((l) => Number(l.split(",")[0]))).toEqual([10, 20, 50, 60, 70, 100, 110, 130, 140, 150, 170, 180, 190]);
    const fifty = lines.find((l) => l.startsWith("50,"))!;
    expect(fifty).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(fifty).toContain(",sent,valid,,c-50,1,,,2026-03-01T12:00:07.000Z");
    // E.164 numbers start with "+", which a spreadsheet would read as a formula too.
    expect(fifty.split(",")[1]).toBe(`"'+12065550050"`);

    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "campaign.exported"), eq(auditLog.targetId, c.id)));
    expect(entry).toMatchObject({
      actorEmail: "vic@history.test",
      targetType: "campaign",
      diff: { filter: { status: "sent", sort: "line", dir: "asc" }, format: "csv" },
    });

    // The iterator behind it reads a page at a time and still yields every row once, in order.
    const streamed: number[] = [];
    for await (const row of iterateRecipientHistory(db, c.id, { sort: "sent", dir: "desc" }, 4)) streamed.push(row.line);
    expect(streamed).toEqual([190, 180, 170, 150, 140, 130, 110, 100, 70, 60, 20, 10, 50, 200, 160, 120, 90, 80, 40, 30]);

    state.user = null;
    expect((await call(exportRoute, `/api/campaigns/${c.id}/recipients.csv`, { id: c.id })).status).toBe(401);
  });

  const count = async (id: string, status: string) => (await ledger(db, id)).filter((r) => r.sendStatus === status).length;
  const settled = (id: string) => waitFor("sends in flight to finish", async () => (await count(id, "sending")) === 0);

  it("retries only the failed rows, with their own ClientTokens: a recipient Connect did reach gets the same contact back", async () => {
    const id = await launchTestCampaign(db, sim, { count: 10, sendsPerSecond: 4, name: "Retry me" });
    await waitFor("some sends", async () => (await count(id, "sent")) >= 3);
    expect(await runAction(pauseCampaign, { campaignId: id }, as(supervisor))).toMatchObject({ ok: true });
    await settled(id);
    // Every send after the resume fails, and one attempt is all a row gets here.
    await sim.setConfig({ faults: { InternalServiceException: 1 } });
    expect(await runAction(resumeCampaign, { campaignId: id }, as(supervisor))).toMatchObject({ ok: true });
    await waitFor("the campaign to complete", async () => (await campaignRow(db, id)).status === "completed");
    await sim.setConfig({ faults: {} });

    const before = await ledger(db, id);
    const failed = before.filter((r) => r.sendStatus === "failed");
    const sent = before.filter((r) => r.sendStatus === "sent");
    expect(failed.length).toBeGreaterThan(0);
    expect(sent.length + failed.length).toBe(10);
    expect(failed.every((r) => r.lastErrorName === "InternalServiceException" && r.contactId === null)).toBe(true);

    // Connect did start this one's chat, but its answer never reached the ledger (a timeout, say): it says failed.
    const reached = failed[0]!;
    const config = (await campaignRow(db, id)).config as CampaignConfig;
    const first = await sendToRecipient(sim.gateway, id, config, reached);
    if (!first.ok) throw new Error(first.error.message);
    const countersBefore = await sim.counters();

    state.user = supervisor;
    const res = await call(controlRoute, `/api/v1/campaigns/${id}/retry-failed`, { id, control: "retry-failed" }, "POST");
    expect(res.status).toBe(200);
    expect((await res.json()).campaign).toEqual({ id, status: "running", requeued: failed.length, heldBack: 0 });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "campaign.retry_failed"), eq(auditLog.targetId, id)));
    expect(audit).toMatchObject({ actorEmail: "sam@history.test", diff: { requeued: failed.length, status: { from: "completed", to: "running" } } });

    await waitFor("the retried campaign to complete", async () => (await campaignRow(db, id)).status === "completed");
    const after = await ledger(db, id);
    expect(after.filter((r) => r.sendStatus === "sent")).toHaveLength(10);
    // Rows that had been sent were not touched.
    for (const r of sent) expect(after.find((a) => a.id === r.id)).toMatchObject({ contactId: r.contactId, sentAt: r.sentAt, attempts: r.attempts });
    expect(after.find((a) => a.id === reached.id)).toMatchObject({ contactId: first.contactId, attempts: 1, lastErrorName: "InternalServiceException" });
    const countersAfter = await sim.counters();
    expect(countersAfter.contactsCreated - countersBefore.contactsCreated).toBe(failed.length - 1);
    expect(countersAfter.idempotentReplays - countersBefore.idempotentReplays).toBe(1);
    expect((await expectExactlyOnce(db, sim, id)).sent).toBe(10);

    const again = await call(controlRoute, `/api/v1/campaigns/${id}/retry-failed`, { id, control: "retry-failed" }, "POST");
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/nothing to retry/);
  });

  it("keeps a paused campaign paused, and refuses drafts, cancelled campaigns and viewers", async () => {
    await sim.setConfig({ faults: { InternalServiceException: 1 } });
    const id = await launchTestCampaign(db, sim, { count: 40, first: 3000, sendsPerSecond: 5, name: "Paused retry" });
    await waitFor("some failures", async () => (await count(id, "failed")) >= 2);
    expect(await runAction(pauseCampaign, { campaignId: id }, as(supervisor))).toMatchObject({ ok: true });
    await settled(id);
    await sim.setConfig({ faults: {} });
    const failed = await count(id, "failed");

    expect(await runAction(retryFailed, { campaignId: id }, as(viewer))).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await runAction(retryFailed, { campaignId: id }, as(supervisor))).toMatchObject({ ok: true, data: { status: "paused", requeued: failed } });
    expect((await campaignRow(db, id)).status).toBe("paused");
    const rows = await ledger(db, id);
    expect(rows.filter((r) => r.sendStatus === "failed")).toHaveLength(0);
    const requeued = rows.filter((r) => r.lastErrorName !== null);
    expect(requeued).toHaveLength(failed);
    expect(requeued.every((r) => r.sendStatus === "pending" && r.attempts === 0 && r.nextAttemptAt === null)).toBe(true);

    expect(await runAction(cancelCampaign, { campaignId: id }, as(supervisor))).toMatchObject({ ok: true });
    expect(await runAction(retryFailed, { campaignId: id }, as(supervisor))).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringMatching(/cancelled campaign cannot be retried/) },
    });

    const draft = await addCampaign({ name: "Still a draft", status: "draft" });
    expect(await runAction(retryFailed, { campaignId: draft.id }, as(supervisor))).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringMatching(/draft/) },
    });
    expect(await runAction(retryFailed, { campaignId: randomUUID() }, as(supervisor))).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
