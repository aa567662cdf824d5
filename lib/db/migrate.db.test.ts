import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb, testDbKind } from "@/lib/testing/test-db";
import { migrateDatabase } from "./migrate";

describe(`migrations on ${testDbKind()}`, () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("creates every table and can be applied again without change", async () => {
    await migrateDatabase(h);
    const result = await h.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const names = (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining([
        "api_keys",
        "audit_log",
        "campaign_recipients",
        "campaigns",
        "process_heartbeats",
        "sessions",
        "sign_in_attempts",
        "suppressions",
        "users",
      ]),
    );
    expect(h.kind).toBe(testDbKind());
  });
});
