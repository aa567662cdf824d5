// Retry failed past Connect's 7-day ClientToken window, over a real database: rows whose last attempt ended without
// an answer are held back by default and re-queued only when asked for; rows Connect refused, and every row of a
// campaign still inside the window, are re-queued as before. Ages are set on the rows directly.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { auditLog, campaignRecipients, campaigns } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { insertCampaign } from "./queries";
import { retryFailed } from "./retry";
import { retrySafety } from "./retry-safety";
import type { CampaignStatus } from "./status";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { GET: previewRoute } = await import("@/app/api/campaigns/[id]/retry-preview/route");
const { POST: controlRoute } = await import("@/app/api/v1/campaigns/[id]/[control]/route");

const meta = { requestId: "retry-safety-test", ip: null, userAgent: null };

type Row = { status: "sent" | "failed"; error?: string; attempts?: number };

describe("Retry failed and Connect's ClientToken window", () => {
  let db: DatabaseHandle["db"];
  let supervisor: SessionUser;
  let viewer: SessionUser;
  const as = (user: SessionUser) => ({ user, db, meta });

  beforeAll(async () => {
    state.db = await createTestDb();
    db = state.db.db;
    const s = await insertUser(db, { email: "sam@retry.test", name: "Sam", role: "supervisor", passwordHash: null });
    const v = await insertUser(db, { email: "vic@retry.test", name: "Vic", role: "viewer", passwordHash: null });
    supervisor = { id: s.id, email: s.email, name: s.name, role: "supervisor", sessionId: "test-session", mustChangePassword: false };
    viewer = { id: v.id, email: v.email, name: v.name, role: "viewer", sessionId: "test-session", mustChangePassword: false };
  });
  afterAll(async () => {
    await state.db?.close();
  });

  /** A campaign that started sending `hoursAgo` hours ago (launch and schedule alike), with these ledger rows. */
  async function campaignWith(hoursAgo: number, rows: Row[], status: CampaignStatus = "completed"): Promise<string> {
    const c = await insertCampaign(db, {
      name: `Started ${hoursAgo} h ago`,
      status,
      channel: "sms",
      instanceId: "i-1",
      contactFlowId: "flow-1",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p",
      config: {},
      preflight: { counts: { valid: rows.length }, blocking: [], warnings: [] },
      createdBy: supervisor.id,
      createdByEmail: supervisor.email,
    });
    await db
      .update(campaigns)
      .set({
        launchedAt: sql`now() - ${hoursAgo} * interval '1 hour'`,
        scheduledAt: sql`now() - ${hoursAgo} * interval '1 hour'`,
        createdAt: sql`now() - ${hoursAgo + 1} * interval '1 hour'`,
      })
      .where(eq(campaigns.id, c.id));
    await db.insert(campaignRecipients).values(
      rows.map((row, i) => ({
        campaignId: c.id,
        line: i + 2,
        phoneRaw: `+1206555${String(7000 + i)}`,
        phone: `+1206555${String(7000 + i)}`,
        preflightStatus: "valid" as const,
        sendStatus: row.status,
        attempts: row.attempts ?? 1,
        contactId: row.status === "sent" ? randomUUID() : null,
        lastErrorName: row.error ?? null,
        lastErrorMessage: row.error ? `Connect answered ${row.error}` : null,
        sentAt: row.status === "sent" ? sql`now() - ${hoursAgo} * interval '1 hour'` : null,
        updatedAt: sql`now() - ${hoursAgo} * interval '1 hour'`,
      })),
    );
    return c.id;
  }

  const rowsOf = (id: string) => db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, id)).orderBy(asc(campaignRecipients.line));
  const audits = (id: string) =>
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "campaign.retry_failed"), eq(auditLog.targetId, id)))
      .orderBy(asc(auditLog.id));
  const statusOf = async (id: string) => (await db.select({ s: campaigns.status }).from(campaigns).where(eq(campaigns.id, id)))[0]!.s;

  it("holds back a row whose outcome is unknown on a campaign started 8 days ago, and re-queues it only when asked to", async () => {
    const id = await campaignWith(8 * 24, [
      { status: "failed", error: "InternalServiceException", attempts: 5 },
      { status: "failed", error: "InvalidRequestException" },
      { status: "sent" },
      { status: "failed", error: "TimeoutError", attempts: 5 },
    ]);
    expect(await retrySafety(db, id)).toEqual({ failed: 3, refused: 1, unverifiable: 2, tokensMayBeForgotten: true });

    const first = await runAction(retryFailed, { campaignId: id }, as(supervisor));
    expect(first).toEqual({ ok: true, data: { id, status: "running", requeued: 1, heldBack: 2 } });
    const [ise, invalid, sent, timeout] = await rowsOf(id);
    // Refused by Connect: no chat exists, so sending again cannot be a second one.
    expect(invalid).toMatchObject({ sendStatus: "pending", attempts: 0, nextAttemptAt: null, lastErrorName: "InvalidRequestException" });
    expect(ise).toMatchObject({ sendStatus: "failed", attempts: 5, lastErrorName: "InternalServiceException" });
    expect(timeout).toMatchObject({ sendStatus: "failed", attempts: 5, lastErrorName: "TimeoutError" });
    expect(sent).toMatchObject({ sendStatus: "sent", attempts: 1 });
    expect((await audits(id)).map((a) => a.diff)).toEqual([
      { requeued: 1, heldBack: 2, includeUnverifiable: false, unverifiableRequeued: 0, status: { from: "completed", to: "running" } },
    ]);

    // Only held-back rows left: the default retry refuses, says why, and changes nothing.
    const refused = await runAction(retryFailed, { campaignId: id }, as(supervisor));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringMatching(/^All 2 failed recipients are held back: .*older than 7 days.*may reach those people twice/) },
    });
    expect((await rowsOf(id)).map((r) => r.sendStatus)).toEqual(["failed", "pending", "sent", "failed"]);
    expect(await audits(id)).toHaveLength(1);

    const opted = await runAction(retryFailed, { campaignId: id, includeUnverifiable: true }, as(supervisor));
    expect(opted).toEqual({ ok: true, data: { id, status: "running", requeued: 2, heldBack: 0 } });
    expect((await rowsOf(id)).map((r) => [r.sendStatus, r.attempts])).toEqual([
      ["pending", 0],
      ["pending", 0],
      ["sent", 1],
      ["pending", 0],
    ]);
    const [, second] = await audits(id);
    expect(second).toMatchObject({
      actorEmail: "sam@retry.test",
      diff: { requeued: 2, heldBack: 0, includeUnverifiable: true, unverifiableRequeued: 2, status: "running" },
    });
  });

  it("re-queues rows Connect refused whatever their age, with nothing held back", async () => {
    const id = await campaignWith(8 * 24, [
      { status: "failed", error: "InvalidRequestException" },
      { status: "failed", error: "ResourceNotFoundException" },
      { status: "sent" },
    ]);
    expect(await retrySafety(db, id)).toEqual({ failed: 2, refused: 2, unverifiable: 0, tokensMayBeForgotten: true });
    expect(await runAction(retryFailed, { campaignId: id }, as(supervisor))).toEqual({ ok: true, data: { id, status: "running", requeued: 2, heldBack: 0 } });
    expect((await rowsOf(id)).map((r) => r.sendStatus)).toEqual(["pending", "pending", "sent"]);
    const [audit] = await audits(id);
    expect(audit!.diff).toEqual({
      requeued: 2,
      heldBack: 0,
      includeUnverifiable: false,
      unverifiableRequeued: 0,
      status: { from: "completed", to: "running" },
    });
  });

  it("inside the window re-queues every failed row as before; the half-day margin already counts as outside", async () => {
    const rows: Row[] = [
      { status: "failed", error: "InternalServiceException", attempts: 5 },
      { status: "failed", error: "InvalidRequestException" },
      { status: "failed", error: "Unknown", attempts: 5 },
    ];
    const recent = await campaignWith(6 * 24, rows, "paused");
    expect(await retrySafety(db, recent)).toEqual({ failed: 3, refused: 1, unverifiable: 0, tokensMayBeForgotten: false });
    expect(await runAction(retryFailed, { campaignId: recent }, as(supervisor))).toEqual({
      ok: true,
      data: { id: recent, status: "paused", requeued: 3, heldBack: 0 },
    });
    expect(await statusOf(recent)).toBe("paused");
    expect((await rowsOf(recent)).every((r) => r.sendStatus === "pending" && r.attempts === 0)).toBe(true);
    expect((await audits(recent))[0]!.diff).toEqual({ requeued: 3, heldBack: 0, includeUnverifiable: false, unverifiableRequeued: 0, status: "paused" });

    // 6 days 15 hours: Connect should still know the tokens, but not for long enough to count on it.
    const margin = await campaignWith(6 * 24 + 15, rows, "paused");
    expect(await runAction(retryFailed, { campaignId: margin }, as(supervisor))).toEqual({
      ok: true,
      data: { id: margin, status: "paused", requeued: 1, heldBack: 2 },
    });
    expect(await statusOf(margin)).toBe("paused");
  });

  it("counts from the scheduled start: a campaign launched 8 days ago that was scheduled to start 2 days ago is inside the window", async () => {
    const id = await campaignWith(8 * 24, [{ status: "failed", error: "InternalServiceException", attempts: 5 }]);
    await db
      .update(campaigns)
      .set({ scheduledAt: sql`now() - interval '2 days'` })
      .where(eq(campaigns.id, id));
    expect(await retrySafety(db, id)).toMatchObject({ unverifiable: 0, tokensMayBeForgotten: false });
    expect(await runAction(retryFailed, { campaignId: id }, as(supervisor))).toMatchObject({ ok: true, data: { requeued: 1, heldBack: 0 } });
  });

  it("previews the counts for viewers, and takes the opt-in in the API body", async () => {
    const id = await campaignWith(9 * 24, [
      { status: "failed", error: "InternalServiceException", attempts: 5 },
      { status: "failed", error: "InternalServiceException", attempts: 5 },
      { status: "failed", error: "ConflictException" },
    ]);
    const get = (campaignId: string) =>
      previewRoute(new Request(`http://console.test/api/campaigns/${campaignId}/retry-preview`), { params: Promise.resolve({ id: campaignId }) });
    const post = (body?: string) =>
      controlRoute(
        new Request(`http://console.test/api/v1/campaigns/${id}/retry-failed`, {
          method: "POST",
          body,
          headers: body ? { "content-type": "application/json" } : {},
        }),
        {
          params: Promise.resolve({ id, control: "retry-failed" }),
        },
      );

    state.user = null;
    expect((await get(id)).status).toBe(401);
    state.user = viewer;
    const preview = await get(id);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({ preview: { failed: 3, refused: 1, unverifiable: 2, tokensMayBeForgotten: true, windowDays: 7 } });
    expect((await get(randomUUID())).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
    // Viewers may look, not retry.
    expect((await post('{"includeUnverifiable": true}')).status).toBe(403);

    state.user = supervisor;
    const notBoolean = await post('{"includeUnverifiable": "yes"}');
    expect(notBoolean.status).toBe(400);
    expect((await notBoolean.json()).error).toMatchObject({ code: "invalid", fields: { includeUnverifiable: "includeUnverifiable must be true or false" } });
    const notJson = await post("{includeUnverifiable");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toBe("The request body must be JSON");
    expect((await post("[true]")).status).toBe(400);
    expect((await rowsOf(id)).every((r) => r.sendStatus === "failed")).toBe(true);

    const byDefault = await post();
    expect(byDefault.status).toBe(200);
    expect((await byDefault.json()).campaign).toEqual({ id, status: "running", requeued: 1, heldBack: 2 });
    state.user = viewer;
    expect((await (await get(id)).json()).preview).toMatchObject({ failed: 2, refused: 0, unverifiable: 2 });

    state.user = supervisor;
    const blocked = await post("");
    expect(blocked.status).toBe(409);
    expect((await blocked.json()).error.message).toMatch(/^All 2 failed recipients are held back/);
    const opted = await post('{"includeUnverifiable": true}');
    expect(opted.status).toBe(200);
    expect((await opted.json()).campaign).toEqual({ id, status: "running", requeued: 2, heldBack: 0 });
    const [, audit] = await audits(id);
    expect(audit).toMatchObject({ actorEmail: "sam@retry.test", diff: { includeUnverifiable: true, unverifiableRequeued: 2 } });
  });
});
