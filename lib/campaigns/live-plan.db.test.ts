// The campaign page's ETA: the plan made from what is happening now, its own open chats included by age.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { campaignRecipients, contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { livePlan } from "./live-plan";
import { insertCampaign } from "./queries";

describe("the live plan", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  const running = (status: "running" | "paused" = "running") =>
    insertCampaign(h.db, {
      name: "Live",
      status,
      channel: "sms",
      instanceId: "instance-live",
      contactFlowId: "flow-live",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/live",
      config: { chatDurationMinutes: 60, sendsPerSecond: 2 },
      preflight: { counts: { valid: 110 }, blocking: [], warnings: [], plan: { input: { numberType: "TOLL_FREE", numberCountry: "US" } } },
      createdBy: randomUUID(),
      createdByEmail: "ada@live.test",
    });
  const rates = { accountConfiguredPerSecond: 2, concurrentChatQuota: 10 };

  it("waits for the campaign's own open chats to reach their lifetime before the next wave", async () => {
    const c = await running();
    await h.db.insert(campaignRecipients).values(
      Array.from({ length: 110 }, (_, i) => ({
        campaignId: c.id,
        line: i + 2,
        phoneRaw: "x",
        phone: `+1206555${1000 + i}`,
        preflightStatus: "valid" as const,
        sendStatus: i < 10 ? ("sent" as const) : ("pending" as const),
      })),
    );
    // The ten sent half an hour ago fill the quota of ten; each frees its slot at 60 minutes.
    const halfHourAgo = new Date(Date.now() - 1800_000);
    await h.db.insert(contacts).values(
      Array.from({ length: 10 }, () => ({
        contactId: randomUUID(),
        instanceId: "instance-live",
        channel: "sms" as const,
        customerPhone: "+12065550100",
        origin: "campaign" as const,
        campaignId: c.id,
        createdBy: "system",
        createdAt: halfHourAgo,
      })),
    );
    const plan = await livePlan(h.db, c, rates);
    expect(plan?.binding).toBe("chat-capacity");
    expect(plan?.input.recipients).toBe(100);
    // ~30 min until the first slots free, then ten waves of ten an hour apart: the last starts 9 h after the first.
    expect(plan!.seconds!).toBeGreaterThan(1800 + 9 * 3600 - 60);
    expect(plan!.seconds!).toBeLessThan(1800 + 9 * 3600 + 120);
    // The account rate in force after throttling is what the plan uses.
    const slowed = await livePlan(h.db, c, { ...rates, accountPerSecond: 0.5 });
    expect(slowed?.input.accountRate).toBe(0.5);
  });

  it("stops at the end time and says how many of the rows left it will not reach", async () => {
    const endAt = new Date(Date.now() + 20_000).toISOString();
    const c = await insertCampaign(h.db, {
      name: "Ends soon",
      status: "running",
      channel: "sms",
      instanceId: "instance-live",
      contactFlowId: "flow-live",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/live",
      config: { chatDurationMinutes: 60, sendsPerSecond: 2, endAt },
      preflight: { counts: { valid: 100 }, blocking: [], warnings: [], plan: { input: { numberType: "TOLL_FREE", numberCountry: "US" } } },
      launchedAt: new Date(),
      createdBy: randomUUID(),
      createdByEmail: "ada@live.test",
    });
    await h.db.insert(campaignRecipients).values(
      Array.from({ length: 100 }, (_, i) => ({
        campaignId: c.id,
        line: i + 2,
        phoneRaw: "x",
        phone: `+1206555${2000 + i}`,
        preflightStatus: "valid" as const,
        sendStatus: "pending" as const,
      })),
    );
    const plan = await livePlan(h.db, c, { accountConfiguredPerSecond: 2, concurrentChatQuota: 500 });
    // The plan's own pace (other running campaigns in this database share the account rate) over the 20 s left.
    const perSecond = 100 / plan!.seconds!;
    expect(plan?.deadline?.at).toBe(endAt);
    expect(plan?.deadline?.cause).toBe("end time");
    expect(plan!.deadline!.unreached).toBeGreaterThan(0);
    expect(Math.abs(plan!.deadline!.unreached - (100 - 20 * perSecond))).toBeLessThanOrEqual(4);
    // Without an end time the plan carries no deadline.
    expect((await livePlan(h.db, await running(), rates))?.deadline).toBeUndefined();
  });

  it("has no plan for a campaign that is not sending", async () => {
    expect(await livePlan(h.db, await running("paused"), rates)).toBeNull();
  });
});
