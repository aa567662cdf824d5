// A migrated throwaway database whose statements are counted, for the dispatch benchmark: in-memory PGlite, or a
// fresh PostgreSQL database (created here and dropped on close) next to TEST_DATABASE_URL.
// Two handles share one connection (pool): `db` counts every statement sent through it, `quiet` is for the
// benchmark's own queries, which are not the dispatcher's cost.
import "../allow-server-modules";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import * as schema from "@/lib/db/schema";
import type { DatabaseHandle, DatabaseKind, Db } from "@/lib/db/types";

export interface CountedDb {
  kind: DatabaseKind;
  /** Counted: what the dispatcher is given. */
  db: Db;
  /** Not counted: what the benchmark reads with. */
  quiet: Db;
  /** Statements sent through `db` so far, BEGIN and COMMIT included. */
  statements(): number;
  /** Transactions opened through `db`. */
  transactions(): number;
  close(): Promise<void>;
}

function counter() {
  const c = { statements: 0, transactions: 0 };
  const logger = {
    logQuery(query: string) {
      c.statements += 1;
      if (/^\s*begin\b/i.test(query)) c.transactions += 1;
    },
  };
  return { c, logger };
}

export async function openCountedDb(kind: DatabaseKind): Promise<CountedDb> {
  return kind === "pglite" ? openCountedPglite() : openCountedPostgres();
}

async function openCountedPglite(): Promise<CountedDb> {
  const client = await PGlite.create();
  const { c, logger } = counter();
  // drizzle runs PGlite transactions through client.transaction, whose BEGIN and COMMIT bypass its logger: count them
  // here. Only transactions opened by the counted handle go through this flag.
  let countingTx = false;
  const original = client.transaction.bind(client);
  (client as { transaction: typeof client.transaction }).transaction = <T>(callback: Parameters<typeof client.transaction<T>>[0]) => {
    if (countingTx) {
      c.statements += 2;
      c.transactions += 1;
    }
    return original(callback);
  };
  const counted = drizzlePglite({ client, schema, logger }) as unknown as Db;
  const quiet = drizzlePglite({ client, schema }) as unknown as Db;
  // Mark transactions started through the counted handle.
  const tx = counted.transaction.bind(counted);
  (counted as { transaction: Db["transaction"] }).transaction = ((fn, config) => {
    countingTx = true;
    try {
      return tx(fn, config);
    } finally {
      countingTx = false;
    }
  }) as Db["transaction"];
  const handle: DatabaseHandle = { db: quiet, kind: "pglite", ping: async () => undefined, close: async () => void (await client.close()) };
  await migrateDatabase(handle);
  return {
    kind: "pglite",
    db: counted,
    quiet,
    statements: () => c.statements,
    transactions: () => c.transactions,
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("--postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)");
  const host = new URL(url).hostname;
  // A database is created and dropped here: only on this machine.
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`Refusing to benchmark against non-local database host ${host}`);
  return url;
}

async function openCountedPostgres(): Promise<CountedDb> {
  const base = adminUrl();
  const name = `bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  const { c, logger } = counter();
  const counted = drizzlePg({ client: pool, schema, logger }) as unknown as Db;
  const quiet = drizzlePg({ client: pool, schema }) as unknown as Db;
  const drop = async () => {
    const dropper = new pg.Client({ connectionString: base });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
  try {
    await migrateDatabase({ db: quiet, kind: "postgres", ping: async () => undefined, close: async () => undefined });
  } catch (err) {
    await pool.end();
    await drop();
    throw err;
  }
  return {
    kind: "postgres",
    db: counted,
    quiet,
    statements: () => c.statements,
    transactions: () => c.transactions,
    close: async () => {
      await pool.end();
      await drop();
    },
  };
}
