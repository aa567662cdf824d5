import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/types";

/**
 * The database's clock, read after any row locks were taken: every process measures time from the same clock,
 * so buckets and leases do not depend on how well the machines agree.
 */
export async function dbNowMs(db: Db): Promise<number> {
  const result = (await db.execute(sql`select (extract(epoch from clock_timestamp()) * 1000)::float8 as ms`)) as unknown as { rows: { ms: number | string }[] };
  return Number(result.rows[0]!.ms);
}
