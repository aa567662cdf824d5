// A customer texting STOP through the bridge while a campaign is still sending to them: the opt-out reaches the
// suppression list in the same transaction that records the message, so the dispatcher skips their pending send.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, campaignRecipients, inboundMessages, suppressions } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { startDispatcher, type Dispatcher } from "@/lib/dispatch/dispatcher";
import { campaignRow, ledger, launchTestCampaign, phoneAt, startSim, waitFor, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { SUPPRESSED_REASON } from "@/lib/dispatch/fill-campaign";
import { accountLimiterKey } from "@/lib/dispatch/options";
import { createTestDb } from "@/lib/testing/test-db";
import { insertIntegration, message, signed, testKey } from "./inbound-test-kit";
import { receiveInbound } from "./receive";

describe("STOP through the bridge during a running campaign", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  let dispatcher: Dispatcher | undefined;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 1_000, burst: 1_000 });
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await sim?.close();
    await h?.close();
  });

  it("suppresses the sender, skips their pending send, and links a reply to the send it answers", async () => {
    const { integration, secret } = await insertIntegration(h.db, sim, { name: "Carrier" });
    const receive = (body: unknown) => {
      const req = signed(secret, body);
      return receiveInbound(
        { db: h.db, key: testKey, gateway: async () => sim.gateway },
        { integrationId: integration.id, headers: req.headers, readBody: async () => req.body, ip: "198.51.100.1", nowMs: Date.now() },
      );
    };
    // Four recipients at one a second: the last is still pending for about three seconds after the first is sent.
    const campaignId = await launchTestCampaign(h.db, sim, { count: 4, first: 7000, sendsPerSecond: 1, name: "Reminders" });
    dispatcher = startDispatcher({
      db: h.db,
      gateway: sim.gateway,
      workerId: "stop-test",
      log: () => {},
      options: { limiterKey: accountLimiterKey("us-east-1", "local"), accountSendsPerSecond: 100 },
    });
    const rowOf = async (phone: string) => (await ledger(h.db, campaignId)).find((r) => r.phone === phone)!;
    const first = await waitFor("the first send", async () => {
      const r = await rowOf(phoneAt(7000));
      return r.sendStatus === "sent" ? r : undefined;
    });
    const last = phoneAt(7003);
    expect((await rowOf(last)).sendStatus).toBe("pending");
    expect((await campaignRow(h.db, campaignId)).status).toBe("running");

    const stop = await receive(message(last, "Stop."));
    expect(stop).toMatchObject({ status: 200, body: { status: "forwarded", newChatCreated: true } });
    const reply = await receive(message(phoneAt(7000), "STOP"));
    expect(reply).toMatchObject({ status: 200, body: { status: "forwarded", newChatCreated: false, contactId: first.contactId } });

    await waitFor("the campaign to complete", async () => (await campaignRow(h.db, campaignId)).status === "completed", 15_000);
    const rows = await ledger(h.db, campaignId);
    expect(rows.map((r) => [r.phone, r.sendStatus])).toEqual([
      [phoneAt(7000), "sent"],
      [phoneAt(7001), "sent"],
      [phoneAt(7002), "sent"],
      [last, "skipped"],
    ]);
    expect(rows.find((r) => r.phone === last)!.reason).toBe(SUPPRESSED_REASON);
    // Connect got the customer's STOP as an inbound chat and no outbound chat to them.
    expect((await sim.contacts()).filter((c) => c.customerAddress === last).map((c) => c.clientToken)).toEqual([null]);

    const [optedOut] = await h.db.select().from(suppressions).where(eq(suppressions.phone, last));
    expect(optedOut).toMatchObject({ source: "opt-out", createdBy: "inbound:Carrier", reason: 'Replied STOP via inbound "Carrier"' });
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "suppression.opted_out"), eq(auditLog.targetId, last)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorEmail: "inbound:Carrier", actorId: null });

    const [stopRow] = await h.db.select().from(inboundMessages).where(eq(inboundMessages.fromPhone, last));
    expect(stopRow).toMatchObject({ status: "forwarded", optOut: "stop", campaignId: null, recipientId: null });
    const [replyRow] = await h.db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.fromPhone, phoneAt(7000)));
    expect(replyRow).toMatchObject({ optOut: "stop", campaignId, recipientId: first.id });
    const [answered] = await h.db.select().from(campaignRecipients).where(eq(campaignRecipients.id, first.id));
    expect(answered).toMatchObject({ replyCount: 1, repliedAt: expect.any(Date) });
  });
});
