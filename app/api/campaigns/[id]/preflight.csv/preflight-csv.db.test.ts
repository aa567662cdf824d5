// The preflight report download: every row of a saved campaign, audited like the other exports, never cached or sniffed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import { insertCampaign } from "@/lib/campaigns/queries";
import { auditLog, campaignRecipients } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { GET } = await import("./route");

const call = (id: string) =>
  GET(new Request(`http://console.test/api/campaigns/${id}/preflight.csv`, { headers: { "x-request-id": "req-preflight-csv" } }), {
    params: Promise.resolve({ id }),
  });

describe("GET /api/campaigns/{id}/preflight.csv", () => {
  let db: DatabaseHandle["db"];

  beforeAll(async () => {
    state.db = await createTestDb();
    db = state.db.db;
    const v = await insertUser(db, { email: "vic@preflight.test", name: "Vic", role: "viewer", passwordHash: null });
    state.user = { id: v.id, email: v.email, name: v.name, role: "viewer", sessionId: "test-session", mustChangePassword: false };
  });
  afterAll(async () => {
    await state.db?.close();
  });

  it("streams every row, records who exported it, and tells the browser not to cache or sniff it", async () => {
    const c = await insertCampaign(db, {
      name: "Spring reminders",
      status: "draft",
      channel: "sms",
      instanceId: "i-1",
      contactFlowId: "flow-1",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p",
      config: {},
      preflight: { counts: { valid: 1, invalid: 1 }, blocking: [], warnings: [] },
      createdBy: state.user!.id,
      createdByEmail: "vic@preflight.test",
    });
    await db.insert(campaignRecipients).values([
      { campaignId: c.id, line: 2, phone: "+12065550100", phoneRaw: "+1 206 555 0100", name: "Ada", preflightStatus: "valid" },
      { campaignId: c.id, line: 3, phoneRaw: "call me", name: "Jane;=cmd|' /C calc'!A0;", preflightStatus: "invalid", reason: "not a number" },
    ]);

    const res = await call(c.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(`"Jane;=cmd|' /C calc'!A0;"`);

    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "campaign.exported"), eq(auditLog.targetId, c.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorEmail: "vic@preflight.test",
      targetType: "campaign",
      requestId: "req-preflight-csv",
      diff: { report: "preflight", format: "csv" },
    });
  });

  it("records nothing for an unknown campaign", async () => {
    const before = (await db.select().from(auditLog)).length;
    expect((await call("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await db.select().from(auditLog)).length).toBe(before);
  });
});
