// A worker process rides out PostgreSQL faults: every connection killed under it (as a server restart does), and a
// database not reachable yet when it starts. Real processes (`tsx scripts/worker.ts`) against a throwaway database;
// the PostgreSQL server itself is never restarted, other tests share it. PostgreSQL only.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, sql } from "drizzle-orm";
import { campaignRecipients } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { expectExactlyOnce, launchTestCampaign, startSim, waitFor, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { createTestDb, testDbKind } from "@/lib/testing/test-db";

interface Worker {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<number | null>;
}

function startWorker(databaseUrl: string, sim: Sim): Worker {
  const child = spawn(path.join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/worker.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      DATABASE_MIGRATION_URL: "",
      CONNECT_MODE: "local",
      CONNECT_ENDPOINT: sim.url,
      ACCOUNT_SENDS_PER_SECOND: "40",
      AUTH_SECRET: "worker-test-secret-worker-test-secret-0123",
      AUDIT_KEY: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

const alive = (w: Worker) => w.child.exitCode === null && w.child.signalCode === null;

describe.skipIf(testDbKind() !== "postgres")("a worker process and PostgreSQL faults", () => {
  let h: DatabaseHandle;
  let url: URL;
  let sim: Sim;

  beforeAll(async () => {
    h = await createTestDb();
    url = new URL((h.db as unknown as { $client: { options: { connectionString: string } } }).$client.options.connectionString);
    sim = await startSim({ rate: 1_000, burst: 1_000 }, 2_000);
  });
  afterAll(async () => {
    await sim?.close();
    await h?.close();
  });

  const sentCount = async (campaignId: string) =>
    (
      await h.db
        .select({ n: count() })
        .from(campaignRecipients)
        .where(and(eq(campaignRecipients.campaignId, campaignId), eq(campaignRecipients.sendStatus, "sent")))
    )[0]!.n;

  it("survives all its connections being killed, several times, and goes on sending", async () => {
    // Enough recipients that the kills land while it is still sending, however fast the machine is.
    const campaignId = await launchTestCampaign(h.db, sim, { count: 480, first: 1000 });
    const worker = startWorker(url.toString(), sim);
    try {
      await waitFor("the worker to send", async () => (await sentCount(campaignId)) >= 10, 25_000, 100);
      for (let round = 0; round < 4; round++) {
        // Best when a connection is inside a transaction (checked out of the pool): that is what crashed workers.
        await waitFor(
          "a transaction in flight",
          async () => {
            const inTransaction = sql`select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'idle in transaction'`;
            return ((await h.db.execute(inTransaction)) as unknown as { rows: unknown[] }).rows.length > 0;
          },
          1_000,
          5,
        ).catch(() => undefined);
        await h.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(alive(worker), worker.output()).toBe(true);
      }
      const afterKills = await sentCount(campaignId);
      expect(afterKills).toBeLessThan(480);
      // A kill that lands after a claim commits but before the worker reads its answer leaves those rows to their lease
      // (60 s): the worker is alive, so nobody takes them over sooner. They are then sent with the same ClientTokens.
      await waitFor("every recipient to be sent", async () => (await sentCount(campaignId)) === 480, 80_000, 100);
      expect(alive(worker), worker.output()).toBe(true);
      expect(worker.output()).toMatch(/connection lost \((57P01|ECONNRESET)/);
      expect((await expectExactlyOnce(h.db, sim, campaignId)).sent).toBe(480);
    } finally {
      expect(await worker.stop(), worker.output()).toBe(0);
    }
  }, 150_000);

  it("started while the database is not reachable, waits for it and then sends", async () => {
    // A port where nothing listens yet; a proxy to the real server opens there after a few seconds.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    const proxied = new URL(url);
    proxied.port = String(port);
    const worker = startWorker(proxied.toString(), sim);
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((inbound) => {
      const outbound = net.connect(Number(url.port || 5432), url.hostname);
      for (const s of [inbound, outbound]) {
        sockets.add(s);
        s.on("error", () => s.destroy());
        s.on("close", () => sockets.delete(s));
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    try {
      await waitFor("the worker to report the database unreachable", async () => /database not reachable \(ECONNREFUSED/.test(worker.output()), 20_000, 100);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(alive(worker), worker.output()).toBe(true);
      // No address, user or password in what it logs.
      expect(worker.output()).not.toContain(url.pathname.slice(1));
      await new Promise<void>((resolve) => proxy.listen(port, "127.0.0.1", () => resolve()));

      const campaignId = await launchTestCampaign(h.db, sim, { count: 10, first: 3000 });
      await waitFor("every recipient to be sent", async () => (await sentCount(campaignId)) === 10, 20_000, 100);
      expect(worker.output()).toMatch(/database reachable after \d+ attempts/);
      expect(alive(worker)).toBe(true);
    } finally {
      expect(await worker.stop(), worker.output()).toBe(0);
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
