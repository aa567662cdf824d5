// Applies the committed SQL migrations. On PostgreSQL an advisory lock keeps two starting processes apart, and the
// migrations may run as another role (DATABASE_MIGRATION_URL, the tables' owner) than the one the console works as.
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { sql } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { DatabaseHandle } from "./types";
import { connectionErrorSummary } from "./open";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");
const MIGRATION_LOCK = 7_201_442_001;

type PgPoolLike = { connect(): Promise<import("pg").PoolClient> };

export interface MigrateOptions {
  /**
   * PostgreSQL only: run the migrations over a short-lived connection with this URL (a role that owns the tables),
   * so the handle's own role needs no right to create or alter them.
   */
  migrationUrl?: string;
}

export async function migrateDatabase(handle: DatabaseHandle, options: MigrateOptions = {}): Promise<void> {
  const db = handle.db as unknown as { $client: unknown };
  if (handle.kind === "pglite") {
    await migratePglite(drizzlePglite(db.$client as PGlite), { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (options.migrationUrl) {
    const pool = new pg.Pool({ connectionString: options.migrationUrl, max: 1, connectionTimeoutMillis: 5_000 });
    pool.on("error", (err) => console.error(`[db] migration connection error: ${connectionErrorSummary(err)}`));
    // A checked-out client losing its connection emits on the client, not the pool: without a listener it would
    // crash the process instead of failing this migration.
    pool.on("connect", (client) => client.on("error", (err) => console.error(`[db] migration connection lost: ${connectionErrorSummary(err)}`)));
    try {
      await migratePool(pool);
    } finally {
      await pool.end();
    }
    return;
  }
  await migratePool(db.$client as PgPoolLike);
}

async function migratePool(pool: PgPoolLike): Promise<void> {
  const client = await pool.connect();
  try {
    const locked = drizzlePg({ client });
    await locked.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePg(locked, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await locked.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    client.release();
  }
}
