// A throwaway, migrated database per test file: in-memory PGlite by default, or a fresh PostgreSQL
// database (created and dropped here) when TEST_DB_KIND=postgres. Never a mock.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { openPglite, openPostgres } from "@/lib/db/open";
import type { DatabaseHandle } from "@/lib/db/types";

export const testDbKind = (): "pglite" | "postgres" => (process.env.TEST_DB_KIND === "postgres" ? "postgres" : "pglite");

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DB_KIND=postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)");
  const host = new URL(url).hostname;
  // The suite creates and drops databases: refuse anything that is not on this machine.
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`Refusing to run tests against non-local database host ${host}`);
  return url;
}

export async function createTestDb(): Promise<DatabaseHandle> {
  if (testDbKind() === "pglite") {
    const handle = await openPglite(undefined);
    await migrateDatabase(handle);
    return handle;
  }
  const base = adminUrl();
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 5);
  await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
