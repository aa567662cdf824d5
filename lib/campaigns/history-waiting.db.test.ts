// What pending recipients wait for, over a real database: the waiting filter pages through the waiting index in line
// order (one kind, or both merged), and the table's rows, the CSV export and the automation API show the wait and the
// row's own time zone.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import { auditLog, campaignRecipients, waitKind } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { recipientListSchema } from "./history-list-schemas";
import { listRecipientHistory } from "./history-queries";
import { insertCampaign } from "./queries";
import { waitKindWhere } from "./waiting-query";
import { WAIT_KINDS, type WaitKind } from "./waits";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { GET: recipientsRoute } = await import("@/app/api/campaigns/[id]/recipients/route");
const { GET: exportRoute } = await import("@/app/api/campaigns/[id]/recipients.csv/route");
const { GET: apiRecipientsRoute } = await import("@/app/api/v1/campaigns/[id]/recipients/route");
const { GET: openapiRoute } = await import("@/app/api/v1/openapi.json/route");

const call = (handler: typeof recipientsRoute, url: string, params: Record<string, string> = {}) =>
  handler(new Request(`http://console.test${url}`, { headers: { "x-request-id": "req-waiting" } }), { params: Promise.resolve(params) });

const WINDOW_WORDS = "waiting for send window (opens 09:00 America/Chicago)";
const CAP_WORDS = "Waiting for the frequency cap (at most 1 per 24 hours): sent from 2026-12-07T10:00:00.000Z";
// Lines 1…30: every third waits for its window, every fifth otherwise for the frequency cap.
const WINDOW_LINES = [3, 6, 9, 12, 15, 18, 21, 24, 27, 30];
const CAP_LINES = [5, 10, 20, 25];
const ANY_LINES = [...WINDOW_LINES, ...CAP_LINES].sort((a, b) => a - b);

describe("waiting recipients", () => {
  let db: DatabaseHandle["db"];
  let campaignId: string;

  beforeAll(async () => {
    state.db = await createTestDb();
    db = state.db.db;
    const v = await insertUser(db, { email: "vic@waiting.test", name: "Vic", role: "viewer", passwordHash: null });
    state.user = { id: v.id, email: v.email, name: v.name, role: "viewer", sessionId: "test-session", mustChangePassword: false };
    const c = await insertCampaign(db, {
      name: "Waits",
      status: "running",
      channel: "sms",
      instanceId: "i-1",
      contactFlowId: "flow-1",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p",
      config: {},
      preflight: { counts: { valid: 30 }, blocking: [], warnings: [] },
      createdBy: randomUUID(),
      createdByEmail: "ada@waiting.test",
    });
    campaignId = c.id;
    const rows = Array.from({ length: 30 }, (_, i) => {
      const line = i + 1;
      const phone = `+1312555${String(line).padStart(4, "0")}`;
      const base = { campaignId, line, phone, phoneRaw: phone, name: `R${line}`, preflightStatus: "valid" as const };
      const wait = (kind: WaitKind, words: string) => ({ ...base, sendStatus: "pending" as const, waitKind: kind, waitReason: words });
      if (line % 3 === 0) return { ...wait("send_window", WINDOW_WORDS), timeZone: line === 6 ? "America/Chicago" : null };
      if (line % 5 === 0) return wait("frequency_cap", CAP_WORDS);
      if (line === 7) return { ...base, sendStatus: "skipped" as const, reason: "frequency cap" };
      // A kind left behind on a row that was sent since: not a wait, so neither the filter nor the views count it.
      if (line === 8) return { ...base, sendStatus: "sent" as const, sentAt: new Date(), contactId: "c-8", waitKind: "send_window" as const };
      if (line === 11) return { ...base, sendStatus: "pending" as const, timeZone: "Europe/Berlin" };
      return { ...base, sendStatus: "pending" as const };
    });
    await db.insert(campaignRecipients).values(rows);
  });
  afterAll(async () => {
    await state.db?.close();
  });

  const page = (q: Record<string, string>) => listRecipientHistory(db, campaignId, recipientListSchema.parse(q));
  const everything = async (q: Record<string, string>, limit = 4) => {
    const out: number[] = [];
    let cursor: string | undefined;
    do {
      const p = await page({ ...q, limit: String(limit), ...(cursor ? { cursor } : {}) });
      out.push(...p.rows.map((r) => r.line));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    return out;
  };

  it("names the same kinds as the database", () => {
    expect([...WAIT_KINDS]).toEqual(waitKind.enumValues);
  });

  it("pages one kind, or both merged, in line order either way and by sent time, each row once", async () => {
    expect(await everything({ waiting: "send_window" })).toEqual(WINDOW_LINES);
    expect(await everything({ waiting: "frequency_cap" })).toEqual(CAP_LINES);
    expect(await everything({ waiting: "any" })).toEqual(ANY_LINES);
    expect(await everything({ waiting: "any" }, 1)).toEqual(ANY_LINES);
    expect(await everything({ waiting: "any", dir: "desc" })).toEqual([...ANY_LINES].reverse());
    expect(await everything({ waiting: "frequency_cap", dir: "desc" }, 3)).toEqual([...CAP_LINES].reverse());
    // Waiting rows were never sent: by sent time they are the unsent part, by line.
    expect(await everything({ waiting: "any", sort: "sent" })).toEqual([...ANY_LINES].reverse());
    expect(await everything({ waiting: "any", sort: "sent", dir: "asc" }, 5)).toEqual(ANY_LINES);
    // With the other filters: a number search, and a status no waiting row has.
    expect(await everything({ waiting: "any", q: "+1 312 555 000" })).toEqual(ANY_LINES.filter((l) => l < 10));
    expect(await everything({ waiting: "any", status: "sent" })).toEqual([]);
    expect(await everything({ waiting: "send_window", status: "pending" })).toEqual(WINDOW_LINES);

    const first = await page({ waiting: "any", limit: "3" });
    expect(first.rows.map((r) => r.line)).toEqual([3, 5, 6]);
    expect(first.rows[2]).toMatchObject({ waitKind: "send_window", waitReason: WINDOW_WORDS, timeZone: "America/Chicago" });
    expect(first.rows[1]).toMatchObject({ waitKind: "frequency_cap", waitReason: CAP_WORDS, timeZone: null });
  });

  it("keeps the next page put while rows start or stop waiting before the cursor", async () => {
    const first = await page({ waiting: "any", limit: "4" });
    expect(first.rows.map((r) => r.line)).toEqual([3, 5, 6, 9]);
    const before = await page({ waiting: "any", limit: "4", cursor: first.nextCursor! });
    const at = (line: number) => and(eq(campaignRecipients.campaignId, campaignId), eq(campaignRecipients.line, line));
    await db.update(campaignRecipients).set({ waitKind: "frequency_cap", waitReason: CAP_WORDS }).where(at(1));
    await db.update(campaignRecipients).set({ waitKind: null, waitReason: null }).where(at(3));
    try {
      const after = await page({ waiting: "any", limit: "4", cursor: first.nextCursor! });
      expect(after.rows.map((r) => r.line)).toEqual(before.rows.map((r) => r.line));
      expect(after.rows.map((r) => r.line)).toEqual([10, 12, 15, 18]);
    } finally {
      await db.update(campaignRecipients).set({ waitKind: null, waitReason: null }).where(at(1));
      await db.update(campaignRecipients).set({ waitKind: "send_window", waitReason: WINDOW_WORDS }).where(at(3));
    }
  });

  it("reads a kind's rows through the waiting index, in line order, with no sort", async () => {
    const extra = Array.from({ length: 3000 }, (_, i) => ({
      campaignId,
      line: 1000 + i,
      phoneRaw: "x",
      preflightStatus: "valid" as const,
      // A quarter sent, a quarter pending and due, half waiting for the window: a page is 51 of 750 waiting rows.
      sendStatus: i % 4 === 0 ? ("sent" as const) : ("pending" as const),
      ...(i % 4 >= 2 ? { waitKind: "send_window" as const, waitReason: WINDOW_WORDS } : {}),
    }));
    const other = await insertCampaign(db, {
      name: "Plan",
      status: "running",
      channel: "sms",
      instanceId: "i-1",
      contactFlowId: "flow-1",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p",
      config: {},
      preflight: { counts: { valid: 3000 }, blocking: [], warnings: [] },
      createdBy: randomUUID(),
      createdByEmail: "ada@waiting.test",
    });
    await db.insert(campaignRecipients).values(extra.map((r) => ({ ...r, campaignId: other.id })));
    await db.execute(sql`analyze campaign_recipients`);
    const plan = await db.execute(
      sql`explain select ${campaignRecipients.line} from ${campaignRecipients} where ${campaignRecipients.campaignId} = ${other.id} and ${waitKindWhere("send_window")} and ${campaignRecipients.line} > 1500 order by ${campaignRecipients.line} limit 51`,
    );
    const text = (plan as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]).join("\n");
    expect(text).toContain("campaign_recipients_waiting_idx");
    expect(text).not.toMatch(/\bSort\b/);
  });

  it("rejects a waiting filter it does not know, with the values it takes", async () => {
    expect(() => recipientListSchema.parse({ waiting: "soon" })).toThrow(/waiting must be one of send_window, frequency_cap, any/);
    const res = await call(recipientsRoute, `/api/campaigns/${campaignId}/recipients?waiting=soon`, { id: campaignId });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual({ waiting: "waiting must be one of send_window, frequency_cap, any, or left out for every recipient" });
    const ok = await call(recipientsRoute, `/api/campaigns/${campaignId}/recipients?waiting=frequency_cap`, { id: campaignId });
    expect((await ok.json()).recipients.map((r: { line: number }) => r.line)).toEqual(CAP_LINES);
  });

  async function exported(query: string): Promise<string[][]> {
    const res = await call(exportRoute, `/api/campaigns/${campaignId}/recipients.csv${query}`, { id: campaignId });
    expect(res.status).toBe(200);
    const text = (await res.text()).replace(/^\uFEFF/, "").trimEnd();
    // No cell here holds a comma or a quote: a split is a parse.
    return text.split("\r\n").map((l) => l.split(","));
  }

  it("exports what each row waits for and its own time zone as the last columns, and keeps to the filter", async () => {
    const [header, ...rows] = await exported("?waiting=any");
    expect(header!.slice(0, 16)).toEqual([
      "line",
      "phone",
      "phone_as_written",
      "name",
      "status",
      "preflight_status",
      "reason",
      "contact_id",
      "attempts",
      "last_error_name",
      "last_error_message",
      "sent_at",
      "delivered_at",
      "read_at",
      "replied_at",
      "opted_out_at",
    ]);
    expect(header!.slice(16)).toEqual(["waiting_for", "wait_reason", "time_zone"]);
    expect(rows.map((r) => Number(r[0]))).toEqual(ANY_LINES);
    const byLine = new Map(rows.map((r) => [Number(r[0]), r.slice(16)]));
    expect(byLine.get(6)).toEqual(["send_window", WINDOW_WORDS, "America/Chicago"]);
    expect(byLine.get(5)).toEqual(["frequency_cap", CAP_WORDS, ""]);

    const [, ...all] = await exported("?sort=line");
    const cells = new Map(all.map((r) => [Number(r[0]), r]));
    expect(cells.get(11)!.slice(16)).toEqual(["", "", "Europe/Berlin"]);
    expect(cells.get(8)!.slice(16)).toEqual(["", "", ""]);
    expect(cells.get(7)![6]).toBe("frequency cap");
    expect(all).toHaveLength(30);

    const entries = await db
      .select({ diff: auditLog.diff })
      .from(auditLog)
      .where(and(eq(auditLog.action, "campaign.exported"), eq(auditLog.targetId, campaignId)));
    expect(entries.map((e) => e.diff)).toContainEqual({ filter: { sort: "line", dir: "asc", waiting: "any" }, format: "csv" });
  });

  it("gives the API each recipient's wait and time zone, filters by it a page at a time, and refuses an unknown filter", async () => {
    type Item = { line: number; waitingFor: string | null; waitReason: string | null; timeZone: string | null; sendStatus: string };
    const list = async (query: string) => {
      const res = await call(apiRecipientsRoute, `/api/v1/campaigns/${campaignId}/recipients?${query}`, { id: campaignId });
      expect(res.status).toBe(200);
      return (await res.json()) as { recipients: Item[]; nextCursor: number | null };
    };
    const lines: number[] = [];
    let cursor: number | null = null;
    do {
      const body = await list(`waiting=any&limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      lines.push(...body.recipients.map((r) => r.line));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(lines).toEqual(ANY_LINES);
    expect((await list("waiting=send_window&limit=100")).recipients.map((r) => r.line)).toEqual(WINDOW_LINES);

    const all = new Map((await list("limit=100")).recipients.map((r) => [r.line, r]));
    expect(all.get(6)).toMatchObject({ waitingFor: "send_window", waitReason: WINDOW_WORDS, timeZone: "America/Chicago", sendStatus: "pending" });
    expect(all.get(5)).toMatchObject({ waitingFor: "frequency_cap", waitReason: CAP_WORDS, timeZone: null });
    expect(all.get(11)).toMatchObject({ waitingFor: null, waitReason: null, timeZone: "Europe/Berlin" });
    expect(all.get(8)).toMatchObject({ waitingFor: null, waitReason: null, sendStatus: "sent" });

    for (const bad of ["soon", "ANY", "send-window"]) {
      const res = await call(apiRecipientsRoute, `/api/v1/campaigns/${campaignId}/recipients?waiting=${bad}`, { id: campaignId });
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields).toEqual({ waiting: "waiting must be one of send_window, frequency_cap, any, or left out for every recipient" });
    }

    const doc = await (await call(openapiRoute, "/api/v1/openapi.json")).json();
    const recipients = doc.paths["/api/v1/campaigns/{id}/recipients"].get;
    expect(recipients.parameters).toContainEqual(
      expect.objectContaining({ name: "waiting", schema: { type: "string", enum: ["send_window", "frequency_cap", "any"] } }),
    );
    expect(recipients.description).toContain("`waitingFor`");
    expect(recipients.description).toContain("`timeZone`");
  });
});
