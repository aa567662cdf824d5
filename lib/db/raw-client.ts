// The driver behind a drizzle database, for what drizzle does not speak: COPY on PostgreSQL, blob COPY on PGlite.
// Only a top-level database has one: a transaction object is not the pool, so callers fall back to plain SQL there.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Db } from "./types";

export type RawClient = { kind: "pglite"; client: PGlite } | { kind: "postgres"; pool: pg.Pool };

export function rawClientOf(db: Db): RawClient | undefined {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) return { kind: "postgres", pool: client };
  if (client instanceof PGlite) return { kind: "pglite", client };
  return undefined;
}
