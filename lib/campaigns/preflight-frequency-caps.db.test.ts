// Preflight's frequency-cap count over a saved draft's ledger: rows whose number already has as many contacts in a
// rule's window as it allows, counted once however many rules hold them; contacts outside the window, of chats the
// customer started, or of rows already sent do not count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { launchTestCampaign, phoneAt, startSim, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { createTestDb } from "@/lib/testing/test-db";
import { frequencyCapHeldBack, frequencyCapWarnings } from "./preflight-frequency-caps";

const H = 3_600_000;

describe("frequency caps in preflight", () => {
  let h: DatabaseHandle;
  let sim: Sim;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim();
  });
  afterAll(async () => {
    await sim?.close();
    await h?.close();
  });

  it("counts the rows a cap holds back now, once each, per rule and in words", async () => {
    const id = await launchTestCampaign(h.db, sim, { count: 6 });
    const now = Date.now();
    const contact = (i: number, hoursAgo: number, origin: "campaign" | "test_send" | "inbound" = "campaign") => ({
      contactId: randomUUID(),
      instanceId: "i",
      channel: "sms" as const,
      customerPhone: phoneAt(1000 + i),
      origin,
      createdBy: "system",
      createdAt: new Date(now - hoursAgo * H),
    });
    await h.db.insert(contacts).values([
      contact(0, 2), // held by 1 per day
      contact(1, 23, "test_send"), // held by 1 per day: test sends count
      contact(2, 25), // outside the day: free by that rule
      contact(2, 30),
      contact(2, 100), // three in 7 days: held by 3 per week
      contact(3, 1, "inbound"), // the customer wrote: not counted
      contact(4, 24.01), // just outside the day
    ]);
    const perDay = { count: 1, windowHours: 24, whenCapped: "skip" as const };
    const perWeek = { count: 3, windowHours: 168, whenCapped: "wait" as const };
    const found = await frequencyCapHeldBack(h.db, id, [perDay, perWeek]);
    expect(found).toEqual({
      heldBack: 3,
      rules: [
        { rule: perDay, heldBack: 2 },
        { rule: perWeek, heldBack: 1 },
      ],
    });
    expect(frequencyCapWarnings(found, false)).toEqual([
      "2 recipients were contacted too recently: at most 1 per day (Settings → Frequency caps); they will be skipped",
      "1 recipient was contacted too recently: at most 3 per 7 days (Settings → Frequency caps); it will wait until the cap allows",
    ]);
    expect(await frequencyCapHeldBack(h.db, id, [])).toEqual({ heldBack: 0, rules: [] });
  });
});
