// The campaign page's figures over a real database: sends per time bucket by outcome, failures by error name, open
// chats and replies, the status history read from the audit log, and the activity route that serves them.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { runAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/session";
import { campaignRecipients, contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { pauseCampaign as pauseByDispatcher, startDueCampaigns } from "@/lib/dispatch/campaign-transitions";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { MAX_BUCKETS, TOP_FAILURES, bucketMinutesFor, campaignActivity } from "./activity";
import { recipientListSchema } from "./history-list-schemas";
import { listRecipientHistory } from "./history-queries";
import { cancelCampaign, resumeCampaign } from "./controls";
import { campaignChats } from "./open-chats";
import { insertCampaign } from "./queries";
import { campaignReplies } from "./reply-counts";
import { campaignStatusHistory } from "./status-history";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { GET: activityRoute } = await import("@/app/api/campaigns/[id]/activity/route");

const T0 = Date.UTC(2026, 4, 4, 10, 0, 0);
const at = (minutes: number, seconds = 0) => new Date(T0 + minutes * 60_000 + seconds * 1000);
type Outcome = { status: "sent" | "failed" | "skipped" | "pending"; at?: Date; error?: string; replies?: number };

describe("campaign activity", () => {
  let db: DatabaseHandle["db"];

  beforeAll(async () => {
    state.db = await createTestDb();
    db = state.db.db;
  });
  afterAll(async () => {
    await state.db?.close();
  });

  async function campaignWith(outcomes: Outcome[], status: "running" | "scheduled" | "completed" = "running") {
    const c = await insertCampaign(db, {
      name: "Activity",
      status,
      channel: "sms",
      instanceId: "instance-a",
      contactFlowId: "flow-1",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p",
      config: { sendsPerSecond: 5 },
      preflight: { counts: { valid: outcomes.length }, blocking: [], warnings: [] },
      createdBy: randomUUID(),
      createdByEmail: "ada@activity.test",
      scheduledAt: status === "scheduled" ? new Date(Date.now() - 1000) : null,
    });
    if (outcomes.length > 0) {
      await db.insert(campaignRecipients).values(
        outcomes.map((o, i) => ({
          campaignId: c.id,
          line: i + 2,
          phoneRaw: `+1206555${String(i).padStart(4, "0")}`,
          phone: `+1206555${String(i).padStart(4, "0")}`,
          preflightStatus: "valid" as const,
          sendStatus: o.status,
          contactId: o.status === "sent" ? randomUUID() : null,
          lastErrorName: o.error ?? null,
          // A sent row's outcome time is sent_at; a failed or skipped row's is its last update.
          sentAt: o.status === "sent" ? o.at : null,
          updatedAt: o.status === "sent" ? at(500) : (o.at ?? null),
          repliedAt: o.replies ? at(60) : null,
          replyCount: o.replies ?? 0,
        })),
      );
    }
    return c;
  }

  it("counts outcomes per minute, sent rows by sent time and the others by their last update, gaps included", async () => {
    const c = await campaignWith([
      { status: "sent", at: at(0, 5) },
      { status: "sent", at: at(0, 59) },
      { status: "failed", at: at(0, 30), error: "InvalidRequestException" },
      { status: "sent", at: at(2, 1) },
      { status: "skipped", at: at(2, 40) },
      { status: "pending" },
    ]);
    const a = await campaignActivity(db, c.id);
    expect(a.bucketMinutes).toBe(1);
    expect(a.sends).toEqual([
      { at: at(0).toISOString(), sent: 2, failed: 1, skipped: 0 },
      { at: at(1).toISOString(), sent: 0, failed: 0, skipped: 0 },
      { at: at(2).toISOString(), sent: 1, failed: 0, skipped: 1 },
    ]);
  });

  it("widens the buckets for a long campaign so the chart keeps at most 90 bars, and loses no row", async () => {
    // Six hours: 361 one-minute buckets would be too many; five minutes gives 73.
    const outcomes: Outcome[] = Array.from({ length: 361 }, (_, m) => ({
      status: m % 3 === 0 ? "failed" : "sent",
      at: at(m, 10),
      error: m % 3 === 0 ? "ThrottlingException" : undefined,
    }));
    const a = await campaignActivity(db, (await campaignWith(outcomes)).id);
    expect(a.bucketMinutes).toBe(5);
    expect(a.sends.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(a.sends[0]).toEqual({ at: at(0).toISOString(), sent: 3, failed: 2, skipped: 0 });
    expect(a.sends.reduce((s, b) => s + b.sent + b.failed + b.skipped, 0)).toBe(361);
    expect(bucketMinutesFor(0, 89 * 60)).toBe(1);
    expect(bucketMinutesFor(0, 90 * 60)).toBe(2);
    expect(bucketMinutesFor(0, 30 * 24 * 3600)).toBe(720);
  });

  it("ranks failures by error name, most first, and sums the names past the top ten", async () => {
    const outcomes: Outcome[] = [
      ...Array.from({ length: 4 }, () => ({ status: "failed" as const, at: at(1), error: "InvalidParameterException" })),
      ...Array.from({ length: 2 }, () => ({ status: "failed" as const, at: at(1), error: "AccessDeniedException" })),
      // Retried then sent: its last error is not a failure.
      { status: "sent", at: at(1), error: "ThrottlingException" },
      ...Array.from({ length: 11 }, (_, i) => ({ status: "failed" as const, at: at(2), error: `Rare${String(i).padStart(2, "0")}Exception` })),
    ];
    const a = await campaignActivity(db, (await campaignWith(outcomes)).id);
    expect(a.failures).toHaveLength(TOP_FAILURES);
    expect(a.failures.slice(0, 3)).toEqual([
      { name: "InvalidParameterException", count: 4 },
      { name: "AccessDeniedException", count: 2 },
      { name: "Rare00Exception", count: 1 },
    ]);
    expect(a.otherFailures).toBe(3);
  });

  it("is empty for a campaign with no outcome yet", async () => {
    const c = await campaignWith([{ status: "pending" }]);
    expect(await campaignActivity(db, c.id)).toEqual({ bucketMinutes: 1, sends: [], failures: [], otherFailures: 0 });
    expect(await campaignReplies(db, c.id)).toEqual({ recipients: 0, replies: 0 });
  });

  it("counts recipients who replied and every reply, and filters the recipients to them", async () => {
    const c = await campaignWith([
      { status: "sent", at: at(0), replies: 3 },
      { status: "sent", at: at(0), replies: 1 },
      { status: "sent", at: at(0) },
    ]);
    expect(await campaignReplies(db, c.id)).toEqual({ recipients: 2, replies: 4 });
    // The recipients table shows the count on each row and can keep only the rows that replied.
    const replied = await listRecipientHistory(db, c.id, recipientListSchema.parse({ replied: "yes" }));
    expect(replied.rows.map((row) => [row.line, row.replyCount])).toEqual([
      [2, 3],
      [3, 1],
    ]);
    expect(replied.rows[0]!.repliedAt).toEqual(at(60));
    expect((await listRecipientHistory(db, c.id, recipientListSchema.parse({}))).rows).toHaveLength(3);
    expect(recipientListSchema.safeParse({ replied: "no" }).error?.issues[0]?.message).toBe("replied must be yes, or left out for every recipient");
  });

  it("counts the campaign's open chats, recent ones only, beside every open chat on its instance", async () => {
    const c = await campaignWith([]);
    const other = await campaignWith([]);
    const checked = new Date(Date.now() - 30_000);
    const row = (over: Partial<typeof contacts.$inferInsert>) => ({
      contactId: randomUUID(),
      instanceId: "instance-a",
      channel: "sms" as const,
      customerPhone: "+12065550100",
      origin: "campaign" as const,
      createdBy: "system",
      ...over,
    });
    await db.insert(contacts).values([
      row({ campaignId: c.id, lastCheckedAt: checked }),
      row({ campaignId: c.id }),
      row({ campaignId: c.id, state: "ended", lastCheckedAt: new Date(checked.getTime() - 60_000) }),
      row({ campaignId: c.id, state: "unknown" }),
      // Marked open but eight days old: no chat lasts that long, so it is not counted.
      row({ campaignId: c.id, createdAt: new Date(Date.now() - 8 * 24 * 3600_000) }),
      row({ campaignId: other.id }),
      row({ origin: "test_send" }),
      row({ instanceId: "instance-b" }),
    ]);
    const chats = await campaignChats(db, c.id, "instance-a");
    expect(chats).toEqual({ open: 2, ended: 1, unknown: 1, instanceOpen: 4, lastCheckedAt: checked });
  });

  it("reads the status history from the audit log in order, with who, when and why", async () => {
    const s = await insertUser(db, { email: "sam@activity.test", name: "Sam", role: "supervisor", passwordHash: null });
    const supervisor = {
      user: { id: s.id, email: s.email, name: s.name, role: "supervisor" as const, sessionId: "test-session", mustChangePassword: false },
      db,
      meta: { requestId: "r-1", ip: null, userAgent: null },
    };
    const c = await campaignWith([{ status: "pending" }], "scheduled");
    const other = await campaignWith([], "completed");
    await recordAudit(
      db,
      { actorId: s.id, actorEmail: s.email },
      { action: "campaign.created", targetType: "campaign", targetId: c.id, diff: { name: "Activity" } },
    );
    await recordAudit(
      db,
      { actorId: s.id, actorEmail: s.email },
      {
        action: "campaign.launched",
        targetType: "campaign",
        targetId: c.id,
        diff: { status: { from: "draft", to: "scheduled" }, recipients: 1, scheduledAt: "2026-05-04T10:00:00.000Z" },
      },
    );
    expect(await startDueCampaigns(db, "worker-1")).toContain(c.id);
    expect(await pauseByDispatcher(db, "worker-1", c.id, "More than half of the last 20 sends failed")).toBe(true);
    expect((await runAction(resumeCampaign, { campaignId: c.id }, supervisor)).ok).toBe(true);
    // Not status changes, or not this campaign: left out.
    await recordAudit(
      db,
      { actorId: s.id, actorEmail: s.email },
      { action: "campaign.exported", targetType: "campaign", targetId: c.id, diff: { format: "csv" } },
    );
    await recordAudit(
      db,
      { actorId: s.id, actorEmail: s.email },
      { action: "campaign.paused", targetType: "campaign", targetId: other.id, diff: { status: { from: "running", to: "paused" } } },
    );
    expect((await runAction(cancelCampaign, { campaignId: c.id }, supervisor)).ok).toBe(true);

    const history = await campaignStatusHistory(db, c.id);
    expect(history.map((h) => [h.label, h.actor, h.from, h.to, h.detail])).toEqual([
      ["Created", s.email, null, "draft", null],
      ["Launched", s.email, "draft", "scheduled", "1 recipients, to start 2026-05-04 10:00 UTC"],
      ["Started sending", "Dispatcher", "scheduled", "running", null],
      ["Paused", "Dispatcher", "running", "paused", "More than half of the last 20 sends failed"],
      ["Resumed", s.email, "paused", "running", "Had been paused: More than half of the last 20 sends failed"],
      ["Cancelled", s.email, "running", "cancelled", "1 recipients not sent"],
    ]);
    expect(history.every((h, i) => i === 0 || h.at >= history[i - 1]!.at)).toBe(true);
  });

  it("serves the figures to a viewer on GET /api/campaigns/[id]/activity, with the chat quota", async () => {
    const c = await campaignWith([
      { status: "sent", at: at(0), replies: 2 },
      { status: "failed", at: at(0), error: "InvalidRequestException" },
    ]);
    const call = (id: string) => activityRoute(new Request(`http://console.test/api/campaigns/${id}/activity`), { params: Promise.resolve({ id }) });
    state.user = null;
    expect((await call(c.id)).status).toBe(401);
    state.user = { id: randomUUID(), email: "vic@activity.test", name: "Vic", role: "viewer", sessionId: "test-session", mustChangePassword: false };
    const res = await call(c.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.activity).toMatchObject({
      bucketMinutes: 1,
      sends: [{ at: at(0).toISOString(), sent: 1, failed: 1, skipped: 0 }],
      failures: [{ name: "InvalidRequestException", count: 1 }],
    });
    expect(body.replies).toEqual({ recipients: 1, replies: 2 });
    expect(body.chats).toEqual({ open: 0, ended: 0, unknown: 0, instanceOpen: expect.any(Number), lastCheckedAt: null, quota: 500, reconcileEverySeconds: 15 });
    const missing = await call(randomUUID());
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe("No campaign with this id");
  });
});
