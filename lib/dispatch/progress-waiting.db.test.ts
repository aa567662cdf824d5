// The live card counts rows a guardrail holds back, by what they wait for, apart from Connect's errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { insertCampaign } from "@/lib/campaigns/queries";
import { campaignRecipients } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { campaignProgress } from "./progress";

describe("progress of a campaign whose rows wait", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("counts rows waiting for their send window and for a frequency cap", async () => {
    const c = await insertCampaign(h.db, {
      name: "Waits",
      status: "running",
      channel: "sms",
      instanceId: "instance-waits",
      contactFlowId: "flow-waits",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/waits",
      config: { chatDurationMinutes: 60, sendsPerSecond: 2 },
      preflight: { counts: { valid: 6 }, blocking: [], warnings: [] },
      launchedAt: new Date(),
      createdBy: randomUUID(),
      createdByEmail: "ada@waits.test",
    });
    const later = new Date(Date.now() + 3_600_000);
    const kinds = ["send_window", "send_window", "send_window", "frequency_cap", null, null] as const;
    await h.db.insert(campaignRecipients).values(
      kinds.map((kind, i) => ({
        campaignId: c.id,
        line: i + 2,
        phoneRaw: "x",
        phone: `+1206555${3000 + i}`,
        preflightStatus: "valid" as const,
        sendStatus: "pending" as const,
        waitKind: kind,
        waitReason: kind ? "waiting" : null,
        nextAttemptAt: kind ? later : null,
      })),
    );
    const p = await campaignProgress(h.db, c.id);
    expect(p?.waiting).toEqual({ sendWindow: 3, frequencyCap: 1 });
    expect(p?.counts.pending).toBe(6);
    // A wait is not an error.
    expect(p?.errors).toEqual([]);
  });
});
