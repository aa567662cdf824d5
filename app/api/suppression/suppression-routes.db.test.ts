// The suppression routes over a real database: the JSON list with its cursor, the import form, the audited CSV export.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { desc } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import { auditLog } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { GET: list } = await import("./route");
const { GET: exportCsv } = await import("./export/route");
const { POST: importForm } = await import("./import/route");

const sam: SessionUser = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "sam@example.com",
  name: "Sam",
  role: "supervisor",
  sessionId: "test-session",
  mustChangePassword: false,
};
const vic: SessionUser = {
  id: "00000000-0000-4000-8000-000000000002",
  email: "vic@example.com",
  name: "Vic",
  role: "viewer",
  sessionId: "test-session",
  mustChangePassword: false,
};
const headers = { "x-request-id": "req-test", "user-agent": "vitest" };
const get = (handler: typeof list, url: string) => handler(new Request(`http://console.test${url}`, { headers }), {});
const post = (form: FormData) => importForm(new Request("http://console.test/api/suppression/import", { method: "POST", body: form, headers }), {});

function importOf(fields: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

async function lastEntry() {
  const [row] = await state.db!.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row!;
}

describe("suppression routes", () => {
  beforeAll(async () => {
    state.db = await createTestDb();
  });
  afterAll(async () => {
    await state.db?.close();
  });

  it("imports a CSV file sent as a form, and refuses viewers", async () => {
    state.user = vic;
    const refused = await post(importOf({ lines: "+12015550123", reason: "x" }));
    expect(refused.status).toBe(403);

    state.user = sam;
    const csv = new Blob(["\uFEFFname,phone\nAnn,+1 201 555 0123\nBo,020 7946 0958\nCy,=cmd|' /C calc'!A0\n"], { type: "text/csv" });
    const res = await post(importOf({ file: new File([csv], "list.csv"), lines: "", defaultCountry: "gb", reason: "=Old CRM" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      added: 2,
      alreadyPresent: 0,
      invalidCount: 1,
      invalid: [{ line: 4, value: "=cmd|' /C calc'!A0", reason: "Not a phone number" }],
    });
    expect(await lastEntry()).toMatchObject({
      action: "suppression.imported",
      actorEmail: sam.email,
      requestId: "req-test",
      diff: { added: 2, format: "csv" },
    });
  });

  it("puts a file that is not UTF-8, or a missing reason, next to its field", async () => {
    const latin1 = new File([new Uint8Array([0x70, 0x68, 0x6f, 0x6e, 0x65, 0x0a, 0x2b, 0x31, 0xe9, 0x0a])], "latin1.csv");
    const res = await post(importOf({ file: latin1, reason: "x" }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "invalid", fields: { file: expect.stringMatching(/not UTF-8 text/) } });

    const noReason = await post(importOf({ lines: "+12015550124" }));
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error).toMatchObject({ fields: { reason: "Say why these numbers must not be contacted" } });
  });

  it("lists newest first, a page at a time, and searches", async () => {
    state.user = vic;
    const first = await (await get(list, "/api/suppression?limit=1")).json();
    expect(first.rows).toHaveLength(1);
    expect(first.rows[0]).toMatchObject({ source: "import", reason: "=Old CRM", createdBy: sam.email });
    expect(first.rows[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    const second = await (await get(list, `/api/suppression?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect(second.nextCursor).toBeNull();
    expect([first.rows[0].phone, second.rows[0].phone].sort()).toEqual(["+12015550123", "+442079460958"]);

    const found = await (await get(list, "/api/suppression?q=7946")).json();
    expect(found.rows.map((r: { phone: string }) => r.phone)).toEqual(["+442079460958"]);
    const bad = await get(list, "/api/suppression?cursor=nope");
    expect(bad.status).toBe(400);
  });

  it("exports as formula-safe CSV and records the export", async () => {
    const res = await get(exportCsv, "/api/suppression/export?q=%2B1201");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="suppression-list-\d{8}-\d{6}Z\.csv"$/);
    expect(await lastEntry()).toMatchObject({ action: "suppression.exported", actorEmail: vic.email, diff: { filter: { q: "+1201" }, format: "csv" } });
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("phone,reason,source,added_by,added_at");
    expect(lines).toHaveLength(2);
    // A leading + or = would run as a formula in a spreadsheet.
    expect(lines[1]).toMatch(/^"'\+12015550123","'=Old CRM",import,sam@example\.com,\d{4}-/);
  });
});
