import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { runAction } from "@/lib/actions/safe-action";
import { auditLog } from "@/lib/db/schema";
import { setupFirstAdmin } from "./actions";
import { countUsers } from "@/lib/users/queries";

const meta = { requestId: "r", ip: null, userAgent: null };
const input = { email: "First@Example.com", name: "First", password: "a-long-passphrase-42", confirmPassword: "a-long-passphrase-42" };

describe("first-run setup", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("creates the first admin once, audited, and refuses afterwards", async () => {
    const res = await runAction(setupFirstAdmin, input, { user: null, db: h.db, meta });
    expect(res).toMatchObject({ ok: true, data: { email: "first@example.com", role: "admin" } });
    const again = await runAction(setupFirstAdmin, { ...input, email: "second@example.com" }, { user: null, db: h.db, meta });
    expect(again).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await countUsers(h.db)).toBe(1);
    const audit = await h.db.select().from(auditLog);
    expect(audit.map((a) => a.action)).toEqual(["user.created"]);
    expect(audit[0]).toMatchObject({ actorEmail: "first@example.com" });
  });
});
