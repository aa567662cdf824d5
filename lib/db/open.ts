// Opens the embedded database (PGlite in a folder) or PostgreSQL (node-postgres pool).
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { sql } from "drizzle-orm";
import pg from "pg";
import * as schema from "./schema";
import type { DatabaseHandle, Db } from "./types";

/** `dataDir` undefined means an in-memory database (tests). */
export async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    ping: async () => {
      await client.query("select 1");
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/** The driver's code (ECONNREFUSED, 57P01 …) or the first line of its message: what a log line about a lost connection needs. */
export function connectionErrorSummary(err: unknown): string {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code) return `${code}: ${(e as Error).message?.split("\n")[0] ?? ""}`.trim();
    if (e instanceof AggregateError && e.errors[0]) return connectionErrorSummary(e.errors[0]);
  }
  return err instanceof Error ? (err.message.split("\n")[0] ?? err.name) : String(err);
}

export async function openPostgres(url: string, max = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  // A server restart or pg_terminate_backend ends every connection. The pool handles idle clients itself (this
  // listener only keeps the process alive); a client checked out for a transaction has no listener of its own, and an
  // unhandled 'error' event would end the process. Its query fails, the pool drops it on release, and the next query
  // opens a new connection.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", (err) => console.error(`[db] connection lost (${connectionErrorSummary(err)}); reconnecting on the next query`));
  });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: "postgres",
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

// Codes that mean "not reachable yet" (a server starting, restarting or briefly gone), not a wrong configuration.
const UNREACHABLE = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|EPIPE|57P0[1-3]|08\d{3}|53300)$/;

/** Whether a failed query looks like the database being down or restarting, rather than a mistake to report. */
export function isDatabaseUnreachable(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNREACHABLE.test(code)) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnreachable)) return true;
    const message = e instanceof Error ? e.message : "";
    if (/Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i.test(message)) return true;
  }
  return false;
}

export interface WaitOptions {
  log: (line: string) => void;
  /** First pause between attempts; doubles up to maxDelayMs. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** A log line on the first failure and then every this many attempts. */
  logEvery?: number;
}

/**
 * Waits until the database answers: a process started while PostgreSQL is down or restarting carries on once it is
 * back instead of exiting. Errors that are not about reachability (a wrong password, a missing database) are thrown.
 */
export async function waitForDatabase(database: DatabaseHandle, o: WaitOptions): Promise<void> {
  const maxDelayMs = o.maxDelayMs ?? 5_000;
  const logEvery = o.logEvery ?? 5;
  let delayMs = o.firstDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      await database.ping();
      if (attempt > 1) o.log(`database reachable after ${attempt} attempts`);
      return;
    } catch (err) {
      if (!isDatabaseUnreachable(err)) throw err;
      if (attempt === 1 || attempt % logEvery === 0)
        o.log(`database not reachable (${connectionErrorSummary(err)}); attempt ${attempt}, trying again every ${Math.round(maxDelayMs / 1000)} s at most`);
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    delayMs = Math.min(maxDelayMs, delayMs * 2);
  }
}
