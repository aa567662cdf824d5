// Reconciliation against the local Connect simulator over a real database: what DescribeContact says lands on the
// contact rows, tokens come out of the account bucket the dispatcher sends through, throttling ends a round, and two
// rounds at once never check the same contact.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { createConnectGateway, type ConnectGateway } from "@/lib/connect/gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { acquire, readBucket } from "@/lib/dispatch/rate-limiter";
import { createTestDb } from "@/lib/testing/test-db";
import { recordContact } from "./record";
import { markContactEnded } from "./queries";
import { checkContact, reconcileRound } from "./reconcile";
import { startReconciler } from "./reconcile-loop";
import { reconcileLimiterKey, resolveReconcileOptions, type ReconcileOptions } from "./reconcile-options";

const SOURCE = "+12065550142";

describe("reconciliation", () => {
  let h: DatabaseHandle;
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let gateway: ConnectGateway;
  let instanceId: string;
  let flowId: string;
  let numberArn: string;
  let phone = 2000;

  const local = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as { counters: { requests: Record<string, number> } };
  };
  const describeCalls = async () => (await local("GET", "/_local/state")).counters.requests.DescribeContact ?? 0;
  // Each test has a bucket of its own, so one test's spending does not pace the next.
  const options = (over: Partial<ReconcileOptions> = {}) =>
    resolveReconcileOptions({
      limiterKey: `connect:test:${randomUUID()}`,
      accountSendsPerSecond: 10_000,
      maxPerSecond: 10_000,
      accountShare: 1,
      roundBudgetMs: 2_000,
      ...over,
    });

  async function openChat(): Promise<string> {
    const customer = `+1206555${String(phone++).padStart(4, "0")}`;
    const { contactId } = await gateway.startOutboundChat({
      instanceId,
      contactFlowId: flowId,
      sourcePhoneNumberArn: numberArn,
      destinationPhoneNumber: customer,
      channel: "sms",
      clientToken: randomUUID(),
      chatDurationInMinutes: 60,
    });
    await recordContact(h.db, {
      contactId,
      instanceId,
      channel: "sms",
      customerPhone: customer,
      sourcePhoneNumberArn: numberArn,
      origin: "test_send",
      createdBy: "tester@example.com",
    });
    return contactId;
  }
  const row = async (contactId: string) => (await h.db.select().from(contacts).where(eq(contacts.contactId, contactId)))[0]!;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false, config: { rate: 10_000, burst: 10_000 } });
    gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1, requestTimeoutMs: 5_000 });
    const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    instanceId = instance.id;
    flowId = (await gateway.listContactFlows(instanceId)).find((f) => f.name === "Outbound SMS notifications")!.id;
    numberArn = (await gateway.listPhoneNumbers(instanceId)).find((n) => n.phoneNumber === SOURCE)!.arn;
  });
  afterAll(async () => {
    await sim?.close();
    await h?.close();
  });
  beforeEach(async () => {
    await h.db.delete(contacts);
    await local("PUT", "/_local/config", { clockSpeed: 1, latencyMs: 0 });
  });

  it("keeps an open chat open, ends a stopped one with its reason, and marks a contact Connect does not know", async () => {
    const open = await openChat();
    const stopped = await openChat();
    await gateway.stopContact(instanceId, stopped);
    const missing = randomUUID();
    await recordContact(h.db, {
      contactId: missing,
      instanceId,
      channel: "sms",
      customerPhone: "+12065559999",
      origin: "test_send",
      createdBy: "tester@example.com",
    });
    // Left alone: already ended, and created more than seven days ago.
    const ended = randomUUID();
    const old = randomUUID();
    await h.db.insert(contacts).values([
      { contactId: ended, instanceId, channel: "sms", customerPhone: "+12065559998", origin: "test_send", createdBy: "t", state: "ended" },
      {
        contactId: old,
        instanceId,
        channel: "sms",
        customerPhone: "+12065559997",
        origin: "test_send",
        createdBy: "t",
        createdAt: new Date(Date.now() - 8 * 24 * 3600_000),
      },
    ]);
    const callsBefore = await describeCalls();

    const round = await reconcileRound({ db: h.db, gateway, o: options() });
    expect(round).toMatchObject({ calls: 3, throttled: false, outcomes: { open: 1, ended: 1, unknown: 1, error: 0, throttled: 0 } });
    expect((await describeCalls()) - callsBefore).toBe(3);

    const o = await row(open);
    expect(o).toMatchObject({ state: "open", initiationMethod: "API", disconnectedAt: null, disconnectReason: null, sourcePhone: SOURCE, checkError: null });
    expect(o.initiatedAt).toBeInstanceOf(Date);
    expect(o.lastCheckedAt).toBeInstanceOf(Date);
    expect(o.details).toMatchObject({ id: open, channel: "CHAT", subtype: "connect:SMS", customerAddress: o.customerPhone, systemAddress: SOURCE });

    const s = await row(stopped);
    expect(s).toMatchObject({ state: "ended", disconnectReason: "API", checkError: null });
    expect(s.disconnectedAt).toBeInstanceOf(Date);

    const m = await row(missing);
    expect(m.state).toBe("unknown");
    expect(m.checkError).toMatch(/^Connect does not know this contact in instance .+: ResourceNotFoundException: Contact .+ not found/);
    expect(m.lastCheckedAt).toBeInstanceOf(Date);

    expect((await row(ended)).lastCheckedAt).toBeNull();
    expect((await row(old)).lastCheckedAt).toBeNull();
    // Everything just checked is fresh: the next round asks Connect nothing.
    expect((await reconcileRound({ db: h.db, gateway, o: options() })).calls).toBe(0);
    expect((await describeCalls()) - callsBefore).toBe(3);
  });

  it("ends a chat that expired on Connect's clock once its refresh interval has passed; unknown contacts wait longer", async () => {
    const chat = await openChat();
    const missing = randomUUID();
    await recordContact(h.db, { contactId: missing, instanceId, channel: "sms", customerPhone: "+12065559996", origin: "test_send", createdBy: "t" });
    expect((await reconcileRound({ db: h.db, gateway, o: options() })).outcomes).toMatchObject({ open: 1, unknown: 1 });

    // The chat lasts 60 minutes: at 600,000 simulated minutes a minute, that is 6 ms.
    await local("PUT", "/_local/config", { clockSpeed: 600_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await local("PUT", "/_local/config", { clockSpeed: 1 });
    // Twenty minutes later: past an open chat's refresh (2 min), not an unknown contact's (30 min).
    await h.db.update(contacts).set({ lastCheckedAt: sql`now() - interval '20 minutes'` });
    const round = await reconcileRound({ db: h.db, gateway, o: options() });
    expect(round).toMatchObject({ calls: 1, outcomes: { ended: 1 } });
    expect(await row(chat)).toMatchObject({ state: "ended", disconnectReason: "EXPIRED" });
    expect((await row(missing)).state).toBe("unknown");
  });

  it("never reopens a chat the stream ended while DescribeContact was on its way, and keeps the earliest end", async () => {
    const chat = await openChat();
    const streamEnd = new Date(Date.now() - 60_000);
    // Connect answers from before the end (still open) while the stream's chat.ended lands in between.
    const stale: ConnectGateway = {
      ...gateway,
      describeContact: async (instance, id) => {
        const answer = await gateway.describeContact(instance, id);
        await markContactEnded(h.db, id, { disconnectedAt: streamEnd, disconnectReason: null });
        return answer;
      },
    };
    const round = await reconcileRound({ db: h.db, gateway: stale, o: options() });
    expect(round).toMatchObject({ calls: 1, outcomes: { open: 0, ended: 1 } });
    expect(await row(chat)).toMatchObject({ state: "ended", disconnectedAt: streamEnd, disconnectReason: null, checkError: null });

    // Later Connect knows the end too, at a later moment: the stream's earlier time stays, Connect's reason fills in.
    await gateway.stopContact(instanceId, chat);
    expect(await checkContact(h.db, gateway, await row(chat))).toBe("ended");
    expect(await row(chat)).toMatchObject({ state: "ended", disconnectedAt: streamEnd, disconnectReason: "API" });

    // An end Connect saw before the one recorded wins; a contact Connect forgot stays ended.
    const earlier = await openChat();
    await gateway.stopContact(instanceId, earlier);
    const connectEnd = (await gateway.describeContact(instanceId, earlier)).disconnectedAt!;
    await markContactEnded(h.db, earlier, { disconnectedAt: new Date(connectEnd.getTime() + 5_000), disconnectReason: null });
    expect(await checkContact(h.db, gateway, await row(earlier))).toBe("ended");
    expect(await row(earlier)).toMatchObject({ state: "ended", disconnectedAt: connectEnd, disconnectReason: "API" });
    const forgotten = randomUUID();
    await h.db
      .insert(contacts)
      .values({ contactId: forgotten, instanceId, channel: "sms", customerPhone: "+12065559995", origin: "test_send", createdBy: "t" });
    await markContactEnded(h.db, forgotten, { disconnectedAt: streamEnd, disconnectReason: null });
    expect(await checkContact(h.db, gateway, await row(forgotten))).toBe("unknown");
    expect(await row(forgotten)).toMatchObject({ state: "ended", disconnectedAt: streamEnd });
  });

  it("stops the round when Connect throttles, halves the account rate and puts the unchecked contacts back", async () => {
    const ids = [await openChat(), await openChat(), await openChat()];
    let calls = 0;
    const throttling: ConnectGateway = {
      ...gateway,
      describeContact: async (instance, id) => {
        calls += 1;
        if (calls === 2) throw Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException", $metadata: { httpStatusCode: 429 } });
        return gateway.describeContact(instance, id);
      },
    };
    const o = options({ accountSendsPerSecond: 40, accountShare: 0.5 });
    const round = await reconcileRound({ db: h.db, gateway: throttling, o });
    expect(round).toMatchObject({ calls: 2, throttled: true, accountRateAfterThrottle: 20, outcomes: { open: 1, throttled: 1 } });
    const account = await readBucket(h.db, o.limiterKey);
    expect(account).toMatchObject({ rate: 20, configuredRate: 40 });
    expect(account!.tokens).toBeLessThan(1);
    const rows = await Promise.all(ids.map(row));
    expect(rows.filter((r) => r.lastCheckedAt !== null)).toHaveLength(1);
    // The two not checked are due again at once, ahead of anything checked before.
    expect(rows.filter((r) => r.lastCheckedAt === null && r.state === "open")).toHaveLength(2);
  });

  it("takes every check's token from the account bucket the dispatcher sends through", async () => {
    await Promise.all([openChat(), openChat(), openChat()]);
    // One token a hundred seconds: the bucket starts with its burst of one, so one contact is checked and no more.
    const o = options({ accountSendsPerSecond: 0.01, roundBudgetMs: 200 });
    const round = await reconcileRound({ db: h.db, gateway, o });
    expect(round.calls).toBe(1);
    const account = await readBucket(h.db, o.limiterKey);
    expect(account).toMatchObject({ configuredRate: 0.01, burst: 1 });
    expect(account!.tokens).toBeLessThan(1);
    // A send through the same bucket, sized as the dispatcher sizes it, finds it empty.
    expect((await acquire(h.db, { key: o.limiterKey, rate: 0.01, burst: 1 }, 1)).granted).toBe(0);
  });

  it("keeps itself to 2 checks a second or a tenth of the account rate, whichever is lower", async () => {
    await Promise.all(Array.from({ length: 6 }, () => openChat()));
    const capped = async (accountRate: number) => {
      const o = options({ accountSendsPerSecond: accountRate, maxPerSecond: 2, accountShare: 0.1, roundBudgetMs: 0 });
      const round = await reconcileRound({ db: h.db, gateway, o });
      return { calls: round.calls, bucket: await readBucket(h.db, reconcileLimiterKey(o.limiterKey)) };
    };
    // 100/s: capped at 2/s, so a round with no time to wait spends its burst of 2.
    const fast = await capped(100);
    expect(fast.calls).toBe(2);
    expect(fast.bucket).toMatchObject({ configuredRate: 2, burst: 2 });
    // 5/s (the default): a tenth is 0.5/s, a burst of 1.
    const slow = await capped(5);
    expect(slow.calls).toBe(1);
    expect(slow.bucket).toMatchObject({ configuredRate: 0.5, burst: 1 });
  });

  it("never checks one contact twice when two rounds run at once", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 24; i++) ids.add(await openChat());
    await local("PUT", "/_local/config", { latencyMs: 5 });
    const seen: string[] = [];
    const counting: ConnectGateway = {
      ...gateway,
      describeContact: async (instance, id) => {
        seen.push(id);
        return gateway.describeContact(instance, id);
      },
    };
    // Four contacts a claim, so the two rounds take turns over the same due rows.
    const o = options({ batchSize: 24, claimSize: 4 });
    const [a, b] = await Promise.all([reconcileRound({ db: h.db, gateway: counting, o }), reconcileRound({ db: h.db, gateway: counting, o })]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(ids);
    expect(a.calls + b.calls).toBe(24);
    // Both rounds did part of the work: they really ran side by side.
    expect(Math.min(a.calls, b.calls)).toBeGreaterThan(0);
  });

  it("runs rounds until stopped, and a stop ends a round that is waiting for tokens", async () => {
    const first = await openChat();
    const rounds: number[] = [];
    const reconciler = startReconciler({ db: h.db, gateway, intervalMs: 50, options: options(), log: () => {}, onRound: (r) => rounds.push(r.calls) });
    const until = Date.now() + 5_000;
    while ((await row(first)).details === null && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await row(first)).toMatchObject({ state: "open", initiationMethod: "API" });
    await reconciler.stop();
    expect(rounds[0]).toBe(1);
    const afterStop = await describeCalls();
    await openChat();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await describeCalls()).toBe(afterStop);

    // One token every 50 s and two contacts due: the first round checks one, then waits for the next token.
    await openChat();
    const waitingRounds: number[] = [];
    const waiting = startReconciler({
      db: h.db,
      gateway,
      intervalMs: 50,
      options: options({ accountSendsPerSecond: 0.02, roundBudgetMs: 60_000 }),
      log: () => {},
      onRound: (r) => waitingRounds.push(r.calls),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(waitingRounds).toEqual([]);
    const stoppedAt = Date.now();
    await waiting.stop();
    expect(Date.now() - stoppedAt).toBeLessThan(2_000);
    expect(waitingRounds).toEqual([1]);
    expect(await describeCalls()).toBe(afterStop + 1);
  });
});
