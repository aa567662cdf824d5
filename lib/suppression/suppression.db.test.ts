// The suppression list over a real database: normalising, duplicates, audited removal and import, paging, preflight lookups.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { runAction, type AnyActionDef } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { auditLog, suppressions } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { UNSTORABLE_TEXT } from "@/lib/text/safe-text";
import { addSuppression, importSuppressions, removeSuppression } from "./actions";
import { csvEntries, lineEntries } from "./import-entries";
import { insertSuppressions, isSuppressed, iterateSuppressions, listSuppressions, suppressedAmong } from "./queries";
import { encodeCursor, suppressionFilterSchema } from "./schemas";

const meta = { requestId: "req-test", ip: "127.0.0.1", userAgent: "vitest" };
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

describe("suppression list", () => {
  let h: DatabaseHandle;
  const as = (user: SessionUser) => ({ user, db: h.db, meta });
  const auditOf = async (action: string) => h.db.select().from(auditLog).where(eq(auditLog.action, action));
  const rowCount = async () => (await h.db.select({ n: count() }).from(suppressions))[0]!.n;

  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("adds a nationally written number as E.164 and audits it", async () => {
    const res = await runAction(addSuppression, { phone: "020 7946 0958", defaultCountry: "gb", reason: "Asked by phone" }, as(sam));
    expect(res).toMatchObject({ ok: true, data: { phone: "+442079460958", reason: "Asked by phone", source: "manual", createdBy: sam.email } });
    expect(await isSuppressed(h.db, "+442079460958")).toBe(true);
    const [entry] = await auditOf("suppression.added");
    expect(entry).toMatchObject({ actorEmail: sam.email, targetType: "suppression", targetId: "+442079460958", requestId: "req-test" });
  });

  it("refuses a number already on the list, however it is written", async () => {
    const res = await runAction(addSuppression, { phone: "+44 (0)20 7946-0958", reason: "Again" }, as(sam));
    expect(res).toMatchObject({ ok: false, error: { code: "conflict", fields: { phone: "+442079460958 is already on the suppression list" } } });
    expect(await auditOf("suppression.added")).toHaveLength(1);
  });

  it("says why something is not a number, next to the field", async () => {
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ phone: "call me maybe", reason: "x" }, { phone: "Not a phone number" }],
      [{ phone: "020 7946 0958", reason: "x" }, { phone: "No country code, and no default country is set" }],
      [{ phone: "12345", defaultCountry: "GB", reason: "x" }, { phone: "Too short for GB" }],
      [{ phone: "+44 7700 900123", reason: "x" }, { phone: "Not a valid number for GB" }],
      [{ phone: "020 7946 0958", defaultCountry: "XX", reason: "x" }, { defaultCountry: "XX is not a country code we know" }],
      [{ phone: "020 7946 0958", defaultCountry: "GBR", reason: "x" }, { defaultCountry: "Use the two-letter country code, like GB or US" }],
      [{ phone: "+12015550123", reason: "  " }, { reason: "Say why this number must not be contacted" }],
    ];
    for (const [input, fields] of cases) {
      expect(await runAction(addSuppression, input, as(sam))).toMatchObject({ ok: false, error: { code: "invalid", fields } });
    }
    expect(await rowCount()).toBe(1);
  });

  it("removes only with a reason, and audits the reason and the removed row", async () => {
    const noReason = await runAction(removeSuppression, { phone: "+442079460958", reason: "" }, as(sam));
    expect(noReason).toMatchObject({ ok: false, error: { code: "invalid", fields: { reason: "Say why this number may be contacted again" } } });
    expect(await isSuppressed(h.db, "+442079460958")).toBe(true);

    const res = await runAction(removeSuppression, { phone: "+442079460958", reason: "Customer opted back in" }, as(sam));
    expect(res).toMatchObject({ ok: true, data: { phone: "+442079460958" } });
    expect(await isSuppressed(h.db, "+442079460958")).toBe(false);
    const [entry] = await auditOf("suppression.removed");
    expect(entry).toMatchObject({
      actorEmail: sam.email,
      targetId: "+442079460958",
      diff: { reason: "Customer opted back in", removed: { phone: "+442079460958", reason: "Asked by phone", source: "manual", createdBy: sam.email } },
    });

    const again = await runAction(removeSuppression, { phone: "+442079460958", reason: "Twice" }, as(sam));
    expect(again).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await auditOf("suppression.removed")).toHaveLength(1);
  });

  it("imports lines: counts added, already present and invalid, with one audit entry", async () => {
    await runAction(addSuppression, { phone: "+12015550123", reason: "Manual" }, as(sam));
    const lines = ["+1 201 555 0123", "", "not a number", "020 7946 0959", "+442079460959", "12345"].join("\r\n");
    const res = await runAction(importSuppressions, { lines, defaultCountry: "GB", reason: "Old opt-outs" }, as(sam));
    expect(res).toEqual({
      ok: true,
      data: {
        added: 1,
        alreadyPresent: 2,
        invalidCount: 2,
        invalid: [
          { line: 3, value: "not a number", reason: "Not a phone number" },
          { line: 6, value: "12345", reason: "Too short for GB" },
        ],
      },
    });
    const entries = await auditOf("suppression.imported");
    expect(entries).toHaveLength(1);
    expect(entries[0]!.diff).toMatchObject({
      added: 1,
      alreadyPresent: 2,
      invalidCount: 2,
      rows: 5,
      format: "lines",
      reason: "Old opt-outs",
      defaultCountry: "GB",
    });
    const [row] = await h.db.select().from(suppressions).where(eq(suppressions.phone, "+442079460959"));
    expect(row).toMatchObject({ source: "import", reason: "Old opt-outs", createdBy: sam.email });
  });

  it("imports a CSV by its phone column, with BOM, semicolons, quotes and line breaks in cells", async () => {
    const csv = '\uFEFFName;Mobile;Note\r\n"Doe; Jane";+33 6 12 34 56 78;"two\nlines"\r\nBob;;\r\nAl;"+33 6 12 34 56 79";x\r\n';
    expect(csvEntries(csv)).toEqual([
      { line: 2, value: "+33 6 12 34 56 78" },
      { line: 4, value: "" },
      { line: 5, value: "+33 6 12 34 56 79" },
    ]);
    const res = await runAction(importSuppressions, { csvText: csv, reason: "CRM export" }, as(sam));
    expect(res).toMatchObject({
      ok: true,
      data: { added: 2, alreadyPresent: 0, invalidCount: 1, invalid: [{ line: 4, value: "", reason: "No phone number" }] },
    });
    // Without a named column: the first one, and a first row without digits is a header.
    expect(csvEntries("Contact,Name\n+12015550100,Ann\n")).toEqual([{ line: 2, value: "+12015550100" }]);
    expect(csvEntries("\n+12015550100,Ann\n+12015550101,Bo")).toEqual([
      { line: 2, value: "+12015550100" },
      { line: 3, value: "+12015550101" },
    ]);
    // Pasted from a spreadsheet with a name beside each number: only the number counts.
    expect(lineEntries("+12015550100\tAnn\n\n 020 7946 0958 ")).toEqual([
      { line: 1, value: "+12015550100" },
      { line: 3, value: "020 7946 0958" },
    ]);
    expect(csvEntries("+12015550100,Ann\n+12015550101,Bo")).toEqual([
      { line: 1, value: "+12015550100" },
      { line: 2, value: "+12015550101" },
    ]);
  });

  it("refuses an import over 100,000 numbers, or one with none, and changes nothing", async () => {
    const before = await rowCount();
    const auditBefore = (await h.db.select({ n: count() }).from(auditLog))[0]!.n;
    const lines = Array.from({ length: 100_001 }, (_, i) => `+1201555${String(i).padStart(4, "0")}`).join("\n");
    const res = await runAction(importSuppressions, { lines, reason: "Too many" }, as(sam));
    const message = "An import holds at most 100,000 numbers; this one has 100,001. Split it into smaller files.";
    expect(res).toMatchObject({ ok: false, error: { code: "invalid", message, fields: { lines: message } } });
    expect(await runAction(importSuppressions, { csvText: "phone\n\n", reason: "Empty" }, as(sam))).toMatchObject({
      ok: false,
      error: { fields: { csvText: "There are no numbers in this import" } },
    });
    expect(await runAction(importSuppressions, { reason: "Nothing" }, as(sam))).toMatchObject({
      ok: false,
      error: { fields: { lines: "Choose a CSV file or enter numbers, one per line" } },
    });
    expect(await rowCount()).toBe(before);
    expect((await h.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(auditBefore);
  });

  it("refuses a reason or an import holding a character that cannot be stored (NUL, a lone surrogate), naming the field and changing nothing", async () => {
    const before = await rowCount();
    const auditBefore = (await h.db.select({ n: count() }).from(auditLog))[0]!.n;
    const cases: [AnyActionDef, Record<string, string>, Record<string, string>][] = [
      [addSuppression, { phone: "+12015550177", reason: "Asked\u0000" }, { reason: UNSTORABLE_TEXT }],
      [addSuppression, { phone: "+1201555\uD8000177", reason: "Asked" }, { phone: UNSTORABLE_TEXT }],
      [removeSuppression, { phone: "+12015550123", reason: "ok \uDC00" }, { reason: UNSTORABLE_TEXT }],
      [importSuppressions, { lines: "+12015550177\n+1201555\u00000178", reason: "Old" }, { lines: `Line 2 ${UNSTORABLE_TEXT}` }],
      [importSuppressions, { csvText: "phone,name\n+12015550177,Ann\uD83D\n", reason: "Old" }, { csvText: `Line 2 ${UNSTORABLE_TEXT}` }],
    ];
    for (const [def, input, fields] of cases) {
      expect(await runAction(def, input, as(sam))).toMatchObject({ ok: false, error: { code: "invalid", fields } });
    }
    expect(await rowCount()).toBe(before);
    expect((await h.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(auditBefore);
  });

  it("refuses viewers and visitors, changing nothing", async () => {
    const before = await rowCount();
    const attempts: [AnyActionDef, unknown][] = [
      [addSuppression, { phone: "+12015550199", reason: "x" }],
      [removeSuppression, { phone: "+12015550123", reason: "x" }],
      [importSuppressions, { lines: "+12015550199", reason: "x" }],
    ];
    for (const [def, input] of attempts) {
      expect(await runAction(def, input, as(vic))).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(await runAction(def, input, { user: null, db: h.db, meta })).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    }
    expect(await rowCount()).toBe(before);
  });

  it("finds the suppressed among a few thousand numbers in batches", async () => {
    const numbers = Array.from({ length: 4000 }, (_, i) => `+1415555${String(i).padStart(4, "0")}`);
    // One transaction, as an import does: every row gets the same time, so paging must order by number within it.
    const bulk = numbers.filter((_, i) => i % 3 === 0).map((phone) => ({ phone, reason: "bulk", source: "import" as const, createdBy: "system" }));
    const inserted = await h.db.transaction((tx) => insertSuppressions(tx, bulk));
    expect(inserted).toHaveLength(1334);
    const again = await insertSuppressions(h.db, [{ phone: numbers[0]!, reason: "dup", source: "import", createdBy: "system" }]);
    expect(again).toEqual([]);
    const found = await suppressedAmong(h.db, [...numbers, ...numbers.slice(0, 10), "+12015550123"]);
    expect(found.size).toBe(1335);
    expect(found.has(numbers[3]!)).toBe(true);
    expect(found.has(numbers[4]!)).toBe(false);
    expect(await suppressedAmong(h.db, [])).toEqual(new Set());
  });

  it("pages newest first without skipping rows that share a time, and searches number, digits and reason", async () => {
    const all: string[] = [];
    let cursor = suppressionFilterSchema.parse({}).cursor;
    for (;;) {
      const page = await listSuppressions(h.db, { limit: 400, cursor });
      all.push(...page.rows.map((r) => r.phone));
      if (!page.nextCursor) break;
      // Round-trips through the route's text form, as the browser sends it back.
      cursor = suppressionFilterSchema.parse({ cursor: encodeCursor(page.nextCursor) }).cursor;
    }
    expect(all).toHaveLength(await rowCount());
    expect(new Set(all).size).toBe(all.length);
    // The bulk rows share one insert time and come first, ordered by number within it.
    expect(all.slice(0, 3)).toEqual(["+14155550000", "+14155550003", "+14155550006"]);

    const phones = async (q: string) => (await listSuppressions(h.db, { q, limit: 50 })).rows.map((r) => r.phone).sort();
    expect(await phones("+33612")).toEqual(["+33612345678", "+33612345679"]);
    expect(await phones("06 12 34 56 79")).toEqual(["+33612345679"]);
    expect(await phones("crm EXPORT")).toEqual(["+33612345678", "+33612345679"]);
    expect(await phones("100%")).toEqual([]);

    const exported: string[] = [];
    for await (const row of iterateSuppressions(h.db, { q: "old opt" }, 1)) exported.push(row.phone);
    expect(exported).toEqual(["+442079460959"]);
    expect(suppressionFilterSchema.safeParse({ cursor: "garbage" }).success).toBe(false);
  });
});
