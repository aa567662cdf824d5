// PostgreSQL scale-out: two dispatchers (two connection pools, as two processes would have) on one campaign and one
// account rate. PGlite allows a single process, so this runs on PostgreSQL only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartOutboundChatInput } from "@/lib/connect/types";
import { openPostgres } from "@/lib/db/open";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb, testDbKind } from "@/lib/testing/test-db";
import { startDispatcher } from "./dispatcher";
import { campaignRow, expectExactlyOnce, launchTestCampaign, ledger, startSim, waitFor, type Sim } from "./dispatch-test-kit";
import { accountLimiterKey } from "./options";

const RECIPIENTS = 150;
const RATE = 20;
const BURST = 5;

describe.skipIf(testDbKind() !== "postgres")("two dispatchers on PostgreSQL", () => {
  let h: DatabaseHandle;
  let other: DatabaseHandle;
  let sim: Sim;

  beforeAll(async () => {
    h = await createTestDb();
    const url = (h.db as unknown as { $client: { options: { connectionString: string } } }).$client.options.connectionString;
    other = await openPostgres(url, 5);
    sim = await startSim({ rate: 1_000, burst: 1_000 }, 2_000);
  });
  afterAll(async () => {
    await sim?.close();
    await other?.close();
    await h?.close();
  });

  it("sends no row twice and keeps their combined rate within the account's", async () => {
    const id = await launchTestCampaign(h.db, sim, { count: RECIPIENTS });
    const calls = { a: 0, b: 0 };
    const counted = (who: "a" | "b") => ({
      ...sim.gateway,
      startOutboundChat: (input: StartOutboundChatInput) => (calls[who]++, sim.gateway.startOutboundChat(input)),
    });
    const options = { limiterKey: accountLimiterKey("us-east-1", "local"), accountSendsPerSecond: RATE, accountBurst: BURST, batchSize: 5 };
    const a = startDispatcher({ db: h.db, gateway: counted("a"), workerId: "a", log: () => {}, options });
    const b = startDispatcher({ db: other.db, gateway: counted("b"), workerId: "b", log: () => {}, options });
    try {
      await waitFor("the campaign to complete", async () => (await campaignRow(h.db, id)).status === "completed", 30_000, 100);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }

    expect(calls.a).toBeGreaterThan(0);
    expect(calls.b).toBeGreaterThan(0);
    // No retries happened, so every call was a different recipient: nothing was sent twice, even idempotently.
    expect(calls.a + calls.b).toBe(RECIPIENTS);
    const counters = await sim.counters();
    expect(counters.idempotentReplays).toBe(0);
    expect((await expectExactlyOnce(h.db, sim, id)).sent).toBe(RECIPIENTS);

    const times = (await ledger(h.db, id)).map((r) => r.sentAt!.getTime()).sort((x, y) => x - y);
    const spanS = (times.at(-1)! - times[0]!) / 1000;
    // After the burst, no more than RATE a second between them (10% for timer and clock granularity).
    expect((RECIPIENTS - BURST) / spanS).toBeLessThanOrEqual(RATE * 1.1);
    // And not needlessly slow either.
    expect((RECIPIENTS - BURST) / spanS).toBeGreaterThan(RATE * 0.7);
  });
});
