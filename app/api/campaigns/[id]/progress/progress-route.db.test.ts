// The campaign page's one live read through its route: the times the header and the final figures are said from, a
// version that moves whenever a row moves (even when the counts come out the same), and status words that agree with
// the campaigns list's. The automation API's campaign keeps its shape.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import { insertCampaign } from "@/lib/campaigns/queries";
import { campaignStatusWords } from "@/lib/campaigns/status-words";
import { campaignRecipients, campaigns } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { finalFiguresWords, finalTimes } from "@/app/(console)/campaigns/[id]/final-figures";
import { headerTimes } from "@/app/(console)/campaigns/[id]/header-times";
import { QUIET_POLL_MS, SETTLED_POLL_MS, livePollMs, liveVersion, outcomeCounts, type LiveProgress } from "@/app/(console)/campaigns/[id]/live-state";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { GET: progressRoute } = await import("./route");
const { GET: listRoute } = await import("@/app/api/campaigns/route");
const { GET: v1Campaign } = await import("@/app/api/v1/campaigns/[id]/route");

const call = (handler: typeof progressRoute, url: string, params: Record<string, string> = {}) =>
  handler(new Request(`http://console.test${url}`, { headers: { "x-request-id": "req-progress" } }), { params: Promise.resolve(params) });

async function progressOf(id: string): Promise<LiveProgress> {
  const res = await call(progressRoute, `/api/campaigns/${id}/progress`, { id });
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return ((await res.json()) as { progress: LiveProgress }).progress;
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
type SendStatus = "pending" | "sending" | "sent" | "failed" | "skipped";

describe("the campaign page's live read", () => {
  let db: DatabaseHandle["db"];
  let viewerId = "";

  beforeAll(async () => {
    state.db = await createTestDb();
    db = state.db.db;
    const v = await insertUser(db, { email: "vic@live.test", name: "Vic", role: "viewer", passwordHash: null });
    viewerId = v.id;
    state.user = { id: v.id, email: v.email, name: v.name, role: "viewer", sessionId: "test-session", mustChangePassword: false };
  });
  afterAll(async () => {
    await state.db?.close();
  });

  const campaign = (name: string, over: Partial<typeof campaigns.$inferInsert>) =>
    insertCampaign(db, {
      name,
      status: "running",
      channel: "sms",
      instanceId: "i-live",
      contactFlowId: "flow-live",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/live",
      config: { chatDurationMinutes: 60, sendsPerSecond: 2 },
      preflight: { counts: { valid: 0 }, blocking: [], warnings: [] },
      createdBy: viewerId,
      createdByEmail: "sam@live.test",
      ...over,
    });

  const rows = (campaignId: string, statuses: SendStatus[]) =>
    db.insert(campaignRecipients).values(
      statuses.map((sendStatus, i) => ({
        campaignId,
        line: i + 2,
        phoneRaw: `+1206555${1000 + i}`,
        phone: `+1206555${1000 + i}`,
        preflightStatus: "valid" as const,
        sendStatus,
        sentAt: sendStatus === "sent" ? minutesAgo(5) : null,
        updatedAt: minutesAgo(5),
      })),
    );

  it("says a campaign launched for a later start has not started, and reads it only now and then", async () => {
    const starts = new Date(Date.now() + 2 * 3_600_000);
    const c = await campaign("Later", { status: "scheduled", launchedAt: minutesAgo(1), scheduledAt: starts });
    await rows(c.id, ["pending", "pending"]);
    const p = await progressOf(c.id);
    expect(p).toMatchObject({ status: "scheduled", scheduledAt: starts.toISOString(), startedAt: null, finishedAt: null });
    expect(headerTimes(p)).toEqual([{ label: "Starts", at: starts.toISOString() }]);
    expect(campaignStatusWords("scheduled", outcomeCounts(p.counts))).toBe("Scheduled");
    expect(livePollMs(p)).toBe(QUIET_POLL_MS);
  });

  it("moves its version when a row moves, even when a claim and a retry leave the counts as they were", async () => {
    const launchedAt = minutesAgo(10);
    const c = await campaign("Moving", { launchedAt, scheduledAt: launchedAt });
    await rows(c.id, ["sent", "sent", "sent", "pending", "pending", "sending"]);
    // The row in flight was tried before and throttled.
    await db
      .update(campaignRecipients)
      .set({ lastErrorName: "ThrottlingException", lastErrorMessage: "Rate exceeded", attempts: 1 })
      .where(sql`${campaignRecipients.campaignId} = ${c.id} and ${campaignRecipients.sendStatus} = 'sending'`);
    const before = await progressOf(c.id);
    expect(before.startedAt).toBe(launchedAt.toISOString());
    expect(before.counts).toMatchObject({ pending: 2, sending: 1, sent: 3, total: 6 });
    expect(liveVersion(await progressOf(c.id))).toBe(liveVersion(before));

    // Throttled again, it goes back to pending while another row is claimed: the same counts, a newer error.
    await db
      .update(campaignRecipients)
      .set({ sendStatus: "pending", attempts: 2, updatedAt: new Date() })
      .where(sql`${campaignRecipients.campaignId} = ${c.id} and ${campaignRecipients.sendStatus} = 'sending'`);
    await db
      .update(campaignRecipients)
      .set({ sendStatus: "sending", updatedAt: new Date() })
      .where(sql`${campaignRecipients.campaignId} = ${c.id} and ${campaignRecipients.line} = 5`);
    const after = await progressOf(c.id);
    expect(after.counts).toEqual(before.counts);
    expect(liveVersion(after)).not.toBe(liveVersion(before));

    // A send lands: the version moves again.
    await db
      .update(campaignRecipients)
      .set({ sendStatus: "sent", sentAt: new Date(), updatedAt: new Date() })
      .where(sql`${campaignRecipients.campaignId} = ${c.id} and ${campaignRecipients.line} = 5`);
    expect(liveVersion(await progressOf(c.id))).not.toBe(liveVersion(after));
  });

  it("gives a finished campaign its final figures and the same status words as the campaigns list", async () => {
    const started = minutesAgo(90);
    const finished = minutesAgo(7);
    const done = await campaign("Done with failures", { status: "completed", config: {}, launchedAt: started, scheduledAt: started, finishedAt: finished });
    await rows(done.id, ["sent", "sent", "sent", "sent", "sent", "sent", "sent", "sent", "failed", "failed", "skipped"]);
    const p = await progressOf(done.id);
    expect(p).toMatchObject({ startedAt: started.toISOString(), finishedAt: finished.toISOString(), plan: null });
    expect(campaignStatusWords("completed", outcomeCounts(p.counts))).toBe("Completed · 2 failed · 1 skipped");
    expect(finalFiguresWords(p)).toBe("Sent 8 of 11 · 2 failed · 1 skipped · took 1 h 23 min");
    expect(finalTimes(p)).toEqual([
      { label: "started", at: started.toISOString() },
      { label: "finished", at: finished.toISOString() },
    ]);
    expect(livePollMs(p)).toBe(SETTLED_POLL_MS);

    const cancelled = await campaign("Stopped", { status: "cancelled", config: {}, launchedAt: started, scheduledAt: started, finishedAt: finished });
    await rows(cancelled.id, ["sent", "skipped", "skipped", "failed"]);
    const c = await progressOf(cancelled.id);
    expect(campaignStatusWords("cancelled", outcomeCounts(c.counts))).toBe("Cancelled · 3 not sent");
    expect(livePollMs(c)).toBe(false);

    const list = await call(listRoute, "/api/campaigns?creator=sam@live.test&limit=50");
    expect(list.status).toBe(200);
    const items = (
      (await list.json()) as {
        campaigns: {
          name: string;
          status: "completed";
          scheduledAt: string | null;
          progress: { sent: number; failed: number; skipped: number; total: number };
        }[];
      }
    ).campaigns;
    const byName = new Map(items.map((i) => [i.name, i]));
    expect(campaignStatusWords("completed", byName.get("Done with failures")!.progress)).toBe("Completed · 2 failed · 1 skipped");
    expect(campaignStatusWords("cancelled", byName.get("Stopped")!.progress)).toBe("Cancelled · 3 not sent");
    // The list says when a scheduled campaign starts.
    expect(byName.get("Later")!.scheduledAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("answers an unknown or malformed id with a clear not found, and leaves the automation API's campaign as it was", async () => {
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const res = await call(progressRoute, `/api/campaigns/${id}/progress`, { id });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe("No campaign with this id");
    }
    const [any] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.name, "Done with failures"));
    const res = await call(v1Campaign, `/api/v1/campaigns/${any!.id}`, { id: any!.id });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(body).sort()).toEqual(["campaign", "eta", "funnel"]);
    expect(body.campaign).not.toHaveProperty("startedAt");
  });
});
