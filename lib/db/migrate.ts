// Applies the committed SQL migrations. On PostgreSQL an advisory lock keeps two starting processes apart.
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { sql } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import type { DatabaseHandle } from "./types";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");
const MIGRATION_LOCK = 7_201_442_001;

type PgPoolLike = { connect(): Promise<import("pg").PoolClient> };

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const db = handle.db as unknown as { $client: unknown };
  if (handle.kind === "pglite") {
    await migratePglite(drizzlePglite(db.$client as PGlite), { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const client = await (db.$client as PgPoolLike).connect();
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
