// The campaign funnel over a real database: counts by stage (a read receipt alone still counts as delivered), the
// opt-out a STOP records on the recipient it answers, and the stage filter paging by keyset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/lib/audit/context";
import { recipientListSchema } from "@/lib/campaigns/history-list-schemas";
import { listRecipientHistory } from "@/lib/campaigns/history-queries";
import { insertCampaign, listRecipients } from "@/lib/campaigns/queries";
import { campaignRecipients, suppressions } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { applyCustomerMessage } from "@/lib/replies/apply";
import { createTestDb } from "@/lib/testing/test-db";
import { campaignFunnel, funnelRates } from "./funnel";
import { markReceipt } from "./mark-receipt";

const SOURCE = "arn:aws:connect:us-east-1:111122223333:instance/i-1/phone-number/funnel";
const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 10, minute));

type Row = typeof campaignRecipients.$inferInsert;

describe("campaign funnel", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function campaignWith(rows: Omit<Row, "campaignId" | "phoneRaw" | "preflightStatus">[]) {
    const c = await insertCampaign(h.db, {
      name: "Funnel",
      status: "running",
      channel: "sms",
      instanceId: "i-1",
      contactFlowId: "flow-1",
      sourcePhoneNumberArn: SOURCE,
      config: {},
      preflight: { counts: { valid: rows.length }, blocking: [], warnings: [] },
      createdBy: randomUUID(),
      createdByEmail: "ada@funnel.test",
    });
    if (rows.length > 0)
      await h.db.insert(campaignRecipients).values(rows.map((r) => ({ preflightStatus: "valid" as const, phoneRaw: r.phone ?? "x", ...r, campaignId: c.id })));
    return c.id;
  }
  const sent = (line: number, extra: Partial<Row> = {}) => ({
    line,
    phone: `+1206555${String(line).padStart(4, "0")}`,
    sendStatus: "sent" as const,
    sentAt: at(line),
    ...extra,
  });

  it("counts each stage as a share of started, a read without a delivered receipt counting as delivered", async () => {
    const id = await campaignWith([
      sent(1),
      sent(2, { deliveredAt: at(3) }),
      sent(3, { deliveredAt: at(4), readAt: at(5) }),
      // Read receipt only: delivered too.
      sent(4, { readAt: at(6) }),
      sent(5, { deliveredAt: at(7), repliedAt: at(8), replyCount: 2, optedOutAt: at(8) }),
      // Replied with no receipt at all (SMS often reports none).
      sent(6, { repliedAt: at(9), replyCount: 1 }),
      { line: 7, phone: "+12065550007", sendStatus: "pending" },
      { line: 8, phone: "+12065550008", sendStatus: "failed" },
    ]);
    const counts = await campaignFunnel(h.db, id);
    expect(counts).toEqual({ started: 6, delivered: 4, read: 2, replied: 2, optedOut: 1 });
    expect(funnelRates(counts)).toEqual({ delivered: 4 / 6, read: 2 / 6, replied: 2 / 6, optedOut: 1 / 6 });

    // A receipt that arrives later moves the counts; the delivered count does not double a row read after delivery.
    const [row2] = await h.db
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.campaignId, id))
      .orderBy(campaignRecipients.line)
      .limit(2)
      .offset(1);
    expect(await markReceipt(h.db, row2!.id, "read", at(20))).toBe(true);
    expect(await campaignFunnel(h.db, id)).toMatchObject({ delivered: 4, read: 3 });
  });

  it("has no rates before anything started", async () => {
    const id = await campaignWith([{ line: 1, phone: "+12065550001", sendStatus: "pending" }]);
    const counts = await campaignFunnel(h.db, id);
    expect(counts).toEqual({ started: 0, delivered: 0, read: 0, replied: 0, optedOut: 0 });
    expect(funnelRates(counts)).toEqual({ delivered: null, read: null, replied: null, optedOut: null });
  });

  it("records the opt-out on the recipient a STOP answers, keeps it after START, and only with the message's transaction", async () => {
    const phone = "+12065559001";
    const id = await campaignWith([sent(1, { phone }), sent(2, { phone: "+12065559002" })]);
    const row = async (p: string) => (await h.db.select().from(campaignRecipients).where(eq(campaignRecipients.phone, p)))[0]!;
    const message = (text: string, customerPhone = phone) => ({ customerPhone, sourcePhoneNumberArn: SOURCE, text, via: "test" });

    // The transaction that carried the message fails: neither the opt-out nor the suppression stays.
    await expect(
      h.db.transaction(async (tx) => {
        await applyCustomerMessage(tx, SYSTEM_ACTOR, message("STOP"));
        throw new Error("forwarding failed");
      }),
    ).rejects.toThrow("forwarding failed");
    expect((await row(phone)).optedOutAt).toBeNull();
    expect(await h.db.select().from(suppressions).where(eq(suppressions.phone, phone))).toEqual([]);

    // A plain reply is a reply, not an opt-out.
    await applyCustomerMessage(h.db, SYSTEM_ACTOR, message("Who is this?", "+12065559002"));
    expect(await row("+12065559002")).toMatchObject({ replyCount: 1, optedOutAt: null });

    const effects = await applyCustomerMessage(h.db, SYSTEM_ACTOR, message("stop"));
    expect(effects).toMatchObject({ optOut: "stop", suppressionChanged: true, recipient: { campaignId: id } });
    const first = (await row(phone)).optedOutAt;
    expect(first).toBeInstanceOf(Date);
    expect(await campaignFunnel(h.db, id)).toMatchObject({ started: 2, replied: 2, optedOut: 1 });

    // START lifts the suppression, yet the campaign keeps the fact that this recipient opted out; a second STOP keeps
    // the first time.
    expect(await applyCustomerMessage(h.db, SYSTEM_ACTOR, message("START"))).toMatchObject({ optOut: "start", suppressionChanged: true });
    expect(await h.db.select().from(suppressions).where(eq(suppressions.phone, phone))).toEqual([]);
    expect((await row(phone)).optedOutAt).toEqual(first);
    await applyCustomerMessage(h.db, SYSTEM_ACTOR, message("STOP"));
    expect((await row(phone)).optedOutAt).toEqual(first);
    expect(await campaignFunnel(h.db, id)).toMatchObject({ optedOut: 1 });
  });

  it("filters recipients by funnel stage and pages them by keyset, by line and by sent time, on both listings", async () => {
    // 40 sent rows cycling through the stages, plus unsent ones that no stage holds.
    const stageOf = (line: number) => (["none", "delivered", "read", "replied", "opted_out"] as const)[line % 5]!;
    const rows = Array.from({ length: 40 }, (_, i) => {
      const line = i + 1;
      const s = stageOf(line);
      return sent(line, {
        sentAt: new Date(Date.UTC(2026, 4, 1, 10, 0, 40 - line)),
        deliveredAt: s === "none" ? null : at(50),
        readAt: s === "read" || s === "opted_out" ? at(51) : null,
        repliedAt: s === "replied" || s === "opted_out" ? at(52) : null,
        replyCount: s === "replied" || s === "opted_out" ? 1 : 0,
        optedOutAt: s === "opted_out" ? at(52) : null,
      });
    });
    const id = await campaignWith([...rows, { line: 41, phone: "+12065550041", sendStatus: "pending" }]);
    const expected = {
      // Delivered, not read: replies that came without a read receipt are among them.
      delivered: rows.filter((r) => ["delivered", "replied"].includes(stageOf(r.line))).map((r) => r.line),
      // Read, no reply: the opted-out rows were read but replied STOP.
      read: rows.filter((r) => stageOf(r.line) === "read").map((r) => r.line),
      replied: rows.filter((r) => ["replied", "opted_out"].includes(stageOf(r.line))).map((r) => r.line),
      opted_out: rows.filter((r) => stageOf(r.line) === "opted_out").map((r) => r.line),
    };

    async function pages(query: Record<string, string>) {
      const lines: number[] = [];
      let cursor: string | undefined;
      let count = 0;
      do {
        const page = await listRecipientHistory(h.db, id, recipientListSchema.parse({ ...query, limit: "3", ...(cursor ? { cursor } : {}) }));
        lines.push(...page.rows.map((r) => r.line));
        cursor = page.nextCursor ?? undefined;
        count++;
      } while (cursor && count < 50);
      return lines;
    }
    for (const [stage, lines] of Object.entries(expected)) {
      expect(await pages({ stage }), stage).toEqual(lines);
      expect(await pages({ stage, dir: "desc" }), `${stage} desc`).toEqual([...lines].reverse());
      // Sent later means a lower line here, so newest first is line order.
      expect(await pages({ stage, sort: "sent" }), `${stage} by sent`).toEqual(lines);
    }
    expect(await pages({ stage: "replied", status: "sent", q: "555001" })).toEqual([13, 14, 18, 19]);
    expect(() => recipientListSchema.parse({ stage: "clicked" })).toThrow(/stage must be one of delivered, read, replied, opted_out/);

    // The automation API's listing: same stages, its own id cursor.
    const v1: number[] = [];
    let cursor: number | undefined;
    do {
      const page = await listRecipients(h.db, id, { stage: "delivered", limit: 3, cursor });
      v1.push(...page.rows.map((r) => r.line));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(v1).toEqual(expected.delivered);
  });
});
