// The bulk ledger writer against a real database (PGlite, and PostgreSQL's COPY when TEST_DATABASE_URL is set):
// awkward values come back exactly as written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { campaignRecipients, campaigns } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { deleteLedgerRows, openLedgerWriter, replaceRecipients, type NewRecipientRow } from "./bulk-write";

const AWKWARD = ["tab\there", "line\nbreak", "cr\rlf\r\n", "back\\slash", "\\N", 'say "hi", O\'Brien', "émoji 👋 日本語", "", " spaces "];

function row(i: number, value: string): NewRecipientRow {
  return {
    line: i + 2,
    phoneRaw: value,
    phone: i % 2 === 0 ? null : `+1206555${String(1000 + i)}`,
    name: value === "" ? "" : i % 3 === 0 ? null : value,
    attributes: { note: value, [`k${i}`]: "\\\t\n" },
    variables: i % 2 === 0 ? null : { name: value, __message: `Hi ${value}` },
    preflightStatus: i % 2 === 0 ? "invalid" : "valid",
    reason: i % 2 === 0 ? value : null,
    duplicateOfLine: null,
    sendStatus: i % 2 === 0 ? null : "pending",
  };
}

describe("bulk ledger writes", () => {
  let h: DatabaseHandle;
  let campaignId: string;

  beforeAll(async () => {
    h = await createTestDb();
    const [c] = await h.db
      .insert(campaigns)
      .values({
        name: "Ledger",
        channel: "sms",
        instanceId: "i",
        contactFlowId: "f",
        sourcePhoneNumberArn: "arn",
        config: {},
        preflight: {},
        createdBy: "00000000-0000-4000-8000-000000000001",
        createdByEmail: "sam@example.com",
      })
      .returning();
    campaignId = c!.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  const stored = () =>
    h.db
      .select({
        line: campaignRecipients.line,
        phoneRaw: campaignRecipients.phoneRaw,
        phone: campaignRecipients.phone,
        name: campaignRecipients.name,
        attributes: campaignRecipients.attributes,
        variables: campaignRecipients.variables,
        preflightStatus: campaignRecipients.preflightStatus,
        reason: campaignRecipients.reason,
        duplicateOfLine: campaignRecipients.duplicateOfLine,
        sendStatus: campaignRecipients.sendStatus,
      })
      .from(campaignRecipients)
      .where(eq(campaignRecipients.campaignId, campaignId))
      .orderBy(asc(campaignRecipients.line));

  it("round-trips tabs, line breaks, backslashes, quotes, unicode, and keeps empty apart from null", async () => {
    const rows = AWKWARD.map((v, i) => row(i, v));
    const writer = await openLedgerWriter(h.db, campaignId);
    try {
      await writer.write(rows.slice(0, 4));
      await writer.write([]);
      await writer.write(rows.slice(4));
    } finally {
      await writer.close();
    }
    expect(await stored()).toEqual(rows);
  });

  it("falls back to INSERTs inside a transaction, with the same result", async () => {
    const rows = AWKWARD.map((v, i) => row(i, v));
    await h.db.transaction(async (tx) => {
      await deleteLedgerRows(tx, campaignId);
      const writer = await openLedgerWriter(tx, campaignId);
      await writer.write(rows);
      await writer.close();
    });
    expect(await stored()).toEqual(rows);
  });

  it("deletes and replaces in batches", async () => {
    const many = Array.from({ length: 12_345 }, (_, i) => row(i, `v${i}`));
    expect(await replaceRecipients(h.db, campaignId, many, 5000)).toBe(12_345);
    expect(await stored()).toHaveLength(12_345);
    expect(await deleteLedgerRows(h.db, campaignId, 5000)).toBe(12_345);
    expect(await stored()).toHaveLength(0);
  });

  it("leaves the pool usable after a COPY that failed part-way", async () => {
    const writer = await openLedgerWriter(h.db, campaignId);
    const clash = [row(1, "a"), row(1, "b")];
    await expect(writer.write(clash)).rejects.toThrow();
    await writer.close();
    await replaceRecipients(h.db, campaignId, [row(1, "ok")]);
    expect((await stored()).map((r) => r.phoneRaw)).toEqual(["ok"]);
  });
});
