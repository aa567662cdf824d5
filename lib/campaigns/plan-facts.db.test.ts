// The facts the capacity planner reads from the console's records: open chats, other campaigns, WhatsApp customers of
// the last 24 hours and how long a flow's chats last.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { campaignRecipients, campaigns, contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { capacityFacts, observedFlowLifetime, openChatsOnInstance, otherActiveCampaigns, whatsAppSendsLast24h } from "./plan-facts";
import { insertCampaign } from "./queries";

const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

describe("capacity facts", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  const campaign = (status: "running" | "scheduled" | "completed" | "draft", flow = "flow-1", scheduledAt: Date | null = null) =>
    insertCampaign(h.db, {
      name: `${status} campaign`,
      status,
      channel: "sms",
      instanceId: "instance-a",
      contactFlowId: flow,
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p",
      config: { sendsPerSecond: 2 },
      preflight: { counts: { valid: 0 }, blocking: [], warnings: [] },
      createdBy: randomUUID(),
      createdByEmail: "ada@plan.test",
      scheduledAt,
    });
  const contact = (over: Partial<typeof contacts.$inferInsert>) => ({
    contactId: randomUUID(),
    instanceId: "instance-a",
    channel: "sms" as const,
    customerPhone: "+12065550100",
    origin: "campaign" as const,
    createdBy: "system",
    ...over,
  });
  const rows = (campaignId: string, statuses: ("pending" | "sending" | "sent")[]) =>
    h.db.insert(campaignRecipients).values(
      statuses.map((sendStatus, i) => ({
        campaignId,
        line: i + 2,
        phoneRaw: "x",
        phone: `+1206555${1000 + i}`,
        preflightStatus: "valid" as const,
        sendStatus,
      })),
    );

  it("counts the chats open on the instance, of any origin, leaving out ended ones, other instances and stale ones", async () => {
    await h.db
      .insert(contacts)
      .values([
        contact({}),
        contact({ origin: "test_send" }),
        contact({ origin: "inbound" }),
        contact({ state: "ended" }),
        contact({ instanceId: "instance-b" }),
        contact({ createdAt: ago(8 * 24 * HOUR) }),
      ]);
    expect(await openChatsOnInstance(h.db, "instance-a")).toBe(3);
  });

  it("does not count a campaign's chat still marked open past its duration or past when the user says its flow ends it", async () => {
    const withConfig = async (config: Record<string, unknown>) => {
      const c = await campaign("completed");
      await h.db.update(campaigns).set({ config }).where(eq(campaigns.id, c.id));
      return c;
    };
    const hour = await withConfig({ chatDurationMinutes: 60 });
    const ends = await withConfig({ chatDurationMinutes: 60, flowEndsChatAfterSeconds: 30 });
    // Planned with the flow's learned lifetime of 40 s.
    const learned = await withConfig({ chatDurationMinutes: 60 });
    await h.db
      .update(campaigns)
      .set({ preflight: { counts: { valid: 1 }, blocking: [], warnings: [], plan: { lifetime: { seconds: 40, source: "observed" } } } })
      .where(eq(campaigns.id, learned.id));
    await h.db
      .insert(contacts)
      .values([
        contact({ instanceId: "instance-z", campaignId: hour.id, createdAt: ago(10 * 60_000) }),
        contact({ instanceId: "instance-z", campaignId: hour.id, createdAt: ago(2 * HOUR) }),
        contact({ instanceId: "instance-z", campaignId: ends.id, createdAt: ago(10_000) }),
        contact({ instanceId: "instance-z", campaignId: ends.id, createdAt: ago(2 * 60_000) }),
        contact({ instanceId: "instance-z", campaignId: learned.id, createdAt: ago(20_000) }),
        contact({ instanceId: "instance-z", campaignId: learned.id, createdAt: ago(60_000) }),
        contact({ instanceId: "instance-z", origin: "inbound", createdAt: ago(2 * HOUR) }),
      ]);
    // The hour-long chat of ten minutes, the flow's chat of ten seconds, the learned flow's chat of twenty seconds, and
    // the inbound chat (no campaign says when it ends).
    expect(await openChatsOnInstance(h.db, "instance-z")).toBe(4);
  });

  it("lists the running and scheduled campaigns with what they still have to send, never the one being planned", async () => {
    const running = await campaign("running");
    await rows(running.id, ["pending", "pending", "sending", "sent"]);
    const at = new Date(Date.now() + HOUR);
    const scheduled = await campaign("scheduled", "flow-1", at);
    await rows(scheduled.id, ["pending"]);
    const done = await campaign("completed");
    await rows(done.id, ["pending"]);
    const drained = await campaign("running");
    await rows(drained.id, ["sent"]);
    const others = await otherActiveCampaigns(h.db, running.id);
    expect(others).toEqual([{ id: scheduled.id, name: "scheduled campaign", remaining: 1, startsAt: at }]);
    const all = await otherActiveCampaigns(h.db, undefined);
    expect(all.map((o) => [o.id, o.remaining]).sort()).toEqual(
      [
        [running.id, 3],
        [scheduled.id, 1],
      ].sort(),
    );
  });

  it("counts WhatsApp customers of the last 24 hours once per hour, leaving out SMS and older chats", async () => {
    await h.db
      .insert(contacts)
      .values([
        contact({ channel: "whatsapp", customerPhone: "+447700900001", createdAt: ago(2 * HOUR) }),
        contact({ channel: "whatsapp", customerPhone: "+447700900001", createdAt: ago(2 * HOUR) }),
        contact({ channel: "whatsapp", customerPhone: "+447700900002", createdAt: ago(2 * HOUR) }),
        contact({ channel: "whatsapp", customerPhone: "+447700900003", createdAt: ago(25 * HOUR) }),
        contact({ channel: "sms", customerPhone: "+447700900004", createdAt: ago(2 * HOUR) }),
      ]);
    const prior = await whatsAppSendsLast24h(h.db);
    expect(prior.reduce((n, p) => n + p.count, 0)).toBe(2);
    expect(prior.every((p) => p.at instanceof Date && p.at.getTime() > Date.now() - 24 * HOUR - HOUR)).toBe(true);
  });

  it("learns a flow's chat lifetime from its recent ended chats, only once enough have ended", async () => {
    const c = await campaign("completed", "flow-short");
    const ended = (seconds: number) =>
      contact({ campaignId: c.id, state: "ended", initiatedAt: ago(HOUR), disconnectedAt: new Date(Date.now() - HOUR + seconds * 1000) });
    await h.db.insert(contacts).values([ended(20), ended(30), ended(40), ended(50)]);
    expect(await observedFlowLifetime(h.db, "flow-short")).toBeUndefined();
    await h.db.insert(contacts).values([ended(60), contact({ campaignId: c.id })]);
    const lifetime = await observedFlowLifetime(h.db, "flow-short");
    expect(lifetime?.chats).toBe(5);
    expect(lifetime?.seconds).toBeCloseTo(40, 3);
    expect(await observedFlowLifetime(h.db, "flow-unused")).toBeUndefined();
  });

  it("gathers it all for one campaign, with the sending capacity defaults when no admin set them", async () => {
    const facts = await capacityFacts(
      h.db,
      { instanceId: "instance-a", contactFlowId: "flow-short", sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p", channel: "whatsapp" },
      undefined,
    );
    // Three from the first story, the five WhatsApp and SMS chats still open, and the flow's one open chat.
    expect(facts.openChats).toBe(9);
    expect(facts.observedLifetime?.chats).toBe(5);
    expect(facts.numberPerSecond).toBeUndefined();
    expect(facts.whatsAppDailyLimit).toBe(250);
    expect(facts.whatsAppPrior.reduce((n, p) => n + p.count, 0)).toBe(2);
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
  });
});
