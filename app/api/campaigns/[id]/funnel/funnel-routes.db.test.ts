// The funnel through the routes: the page's funnel (and its honest "unknown" when chats are not streamed), the
// recipients CSV's funnel columns, and the automation API's campaign, recipient times and stage filter.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { insertCampaign } from "@/lib/campaigns/queries";
import { campaignRecipients, settings } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { CHAT_STREAMING_SETTING } from "@/lib/settings/chat-streaming";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { GET: funnelRoute } = await import("./route");
const { GET: csvRoute } = await import("@/app/api/campaigns/[id]/recipients.csv/route");
const { GET: v1Campaign } = await import("@/app/api/v1/campaigns/[id]/route");
const { GET: v1Recipients } = await import("@/app/api/v1/campaigns/[id]/recipients/route");

type Handler = typeof funnelRoute;
const call = (handler: Handler, url: string, id: string) =>
  handler(new Request(`http://console.test${url}`, { headers: { "x-request-id": "req-funnel" } }), { params: Promise.resolve({ id }) });

const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 10, minute));

describe("funnel routes", () => {
  let db: DatabaseHandle["db"];
  let id: string;
  let quiet: string;

  beforeAll(async () => {
    state.db = await createTestDb();
    db = state.db.db;
    const v = await insertUser(db, { email: "vic@funnel.test", name: "Vic", role: "viewer", passwordHash: null });
    state.user = { id: v.id, email: v.email, name: v.name, role: "viewer", sessionId: "test-session", mustChangePassword: false };
    const campaign = (instanceId: string) =>
      insertCampaign(db, {
        name: "Spring",
        // Completed: the live plan, which needs a whole configuration, is not made.
        status: "completed",
        channel: "sms",
        instanceId,
        contactFlowId: "flow-1",
        sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p",
        config: {},
        preflight: { counts: { valid: 3 }, blocking: [], warnings: [] },
        createdBy: v.id,
        createdByEmail: v.email,
      });
    id = (await campaign("i-streamed")).id;
    quiet = (await campaign("i-quiet")).id;
    const base = { preflightStatus: "valid" as const, sendStatus: "sent" as const };
    await db.insert(campaignRecipients).values([
      { ...base, campaignId: id, line: 1, phoneRaw: "+12065550101", phone: "+12065550101", sentAt: at(1), deliveredAt: at(2), readAt: at(3) },
      { ...base, campaignId: id, line: 2, phoneRaw: "+12065550102", phone: "+12065550102", sentAt: at(1), deliveredAt: at(2) },
      {
        ...base,
        campaignId: id,
        line: 3,
        phoneRaw: "+12065550103",
        phone: "+12065550103",
        sentAt: at(1),
        repliedAt: at(4),
        replyCount: 1,
        optedOutAt: at(4),
      },
      { ...base, campaignId: quiet, line: 1, phoneRaw: "+12065550104", phone: "+12065550104", sentAt: at(1) },
    ]);
    // The quiet instance's chats are streamed nowhere.
    await db.insert(settings).values({ key: CHAT_STREAMING_SETTING, value: { topics: { "i-quiet": "" } }, updatedBy: "admin@funnel.test" });
  });
  afterAll(async () => {
    await state.db?.close();
  });

  it("gives the page the funnel with rates of started, and says when receipts cannot be known", async () => {
    const res = await call(funnelRoute, `/api/campaigns/${id}/funnel`, id);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({
      funnel: {
        counts: { started: 3, delivered: 2, read: 1, replied: 1, optedOut: 1 },
        rates: { delivered: 2 / 3, read: 1 / 3, replied: 1 / 3, optedOut: 1 / 3 },
        receiptsStreamed: true,
      },
    });
    expect(await (await call(funnelRoute, `/api/campaigns/${quiet}/funnel`, quiet)).json()).toMatchObject({ funnel: { receiptsStreamed: false } });
    expect((await call(funnelRoute, "/api/campaigns/nope/funnel", "nope")).status).toBe(404);
  });

  it("exports delivered, read, replied and opted-out times in the recipients CSV, and filters it by stage", async () => {
    const text = await (await call(csvRoute, `/api/campaigns/${id}/recipients.csv`, id)).text();
    const [header, first, , third] = text.trim().split(/\r?\n/);
    const cols = header!.split(",");
    const at = cols.indexOf("delivered_at");
    expect(cols.slice(at - 1, at + 4)).toEqual(["sent_at", "delivered_at", "read_at", "replied_at", "opted_out_at"]);
    expect(
      first!
        .split(",")
        .slice(at, at + 4)
        .map((c) => c !== ""),
    ).toEqual([true, true, false, false]);
    expect(
      third!
        .split(",")
        .slice(at, at + 4)
        .map((c) => c !== ""),
    ).toEqual([false, false, true, true]);
    const optedOut = await (await call(csvRoute, `/api/campaigns/${id}/recipients.csv?stage=opted_out`, id)).text();
    expect(
      optedOut
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((l) => l.split(",")[0]),
    ).toEqual(["3"]);
    const bad = await call(csvRoute, `/api/campaigns/${id}/recipients.csv?stage=clicked`, id);
    expect(bad.status).toBe(400);
  });

  it("includes the funnel in GET /api/v1/campaigns/{id}, and the times and stage filter on its recipients", async () => {
    const res = await call(v1Campaign, `/api/v1/campaigns/${id}`, id);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.funnel).toMatchObject({ counts: { started: 3, delivered: 2, read: 1, replied: 1, optedOut: 1 }, receiptsStreamed: true });

    const all = await (await call(v1Recipients, `/api/v1/campaigns/${id}/recipients`, id)).json();
    expect(all.recipients[0]).toMatchObject({
      line: 1,
      deliveredAt: at(2).toISOString(),
      readAt: at(3).toISOString(),
      repliedAt: null,
      optedOutAt: null,
    });
    const read = await (await call(v1Recipients, `/api/v1/campaigns/${id}/recipients?stage=read`, id)).json();
    expect(read.recipients.map((r: { line: number }) => r.line)).toEqual([1]);
    const delivered = await (await call(v1Recipients, `/api/v1/campaigns/${id}/recipients?stage=delivered&limit=1`, id)).json();
    expect(delivered).toMatchObject({ recipients: [{ line: 2 }], nextCursor: null });
    const bad = await call(v1Recipients, `/api/v1/campaigns/${id}/recipients?stage=clicked`, id);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { stage: expect.stringContaining("stage must be one of") } } });
  });
});
