// The driver behind a drizzle database, for what drizzle does not speak: COPY on PostgreSQL, blob COPY on PGlite.
// Only a top-level database has one: a transaction object is not the pool, so callers fall back to plain SQL there.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Db } from "./types";

export type RawClient = { kind: "pglite"; client: PGlite } | { kind: "postgres"; pool: pg.Pool };

export function rawClientOf(db: Db): RawClient | undefined {
  const client = (db as unknown as { $client?: Record<string, unknown> }).$client;
  if (!client) return undefined;
  // By shape as well as by class: a bundle that carries its own copy of either package fails instanceof.
  if (client instanceof pg.Pool || (typeof client.connect === "function" && typeof client.totalCount === "number")) {
    return { kind: "postgres", pool: client as unknown as pg.Pool };
  }
  if (client instanceof PGlite || (typeof client.execProtocolRaw === "function" && typeof client.dumpDataDir === "function")) {
    return { kind: "pglite", client: client as unknown as PGlite };
  }
  return undefined;
}
