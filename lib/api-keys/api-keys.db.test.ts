import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { runAction } from "@/lib/actions/safe-action";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { createApiKey, revokeApiKey } from "./actions";
import { findActiveKey, listApiKeys } from "./queries";

const meta = { requestId: "r", ip: null, userAgent: null };

describe("API keys", () => {
  let h: DatabaseHandle;
  let admin: { id: string; email: string; name: string; role: "admin" };
  beforeAll(async () => {
    h = await createTestDb();
    const u = await insertUser(h.db, { email: "root@example.com", name: "Root", role: "admin", passwordHash: null });
    admin = { id: u.id, email: u.email, name: u.name, role: "admin" };
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows a new key once, stores only its hash, and stops accepting it once revoked", async () => {
    const created = await runAction(createApiKey, { name: "CRM sync", role: "supervisor" }, { user: admin, db: h.db, meta });
    if (!created.ok) throw new Error(created.error.message);
    const key = (created.data as { key: string; id: string }).key;
    expect(key).toMatch(/^oc_[\w-]{8}_[\w-]{32}$/);
    const listed = await listApiKeys(h.db);
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed[0]).toMatchObject({ name: "CRM sync", role: "supervisor", prefix: key.slice(0, 11) });
    expect(await findActiveKey(h.db, key)).toMatchObject({ name: "CRM sync" });
    expect(await findActiveKey(h.db, `${key}x`)).toBeUndefined();

    const revoked = await runAction(revokeApiKey, { keyId: listed[0]!.id }, { user: admin, db: h.db, meta });
    expect(revoked.ok).toBe(true);
    expect(await findActiveKey(h.db, key)).toBeUndefined();
    const actions = (await h.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(["api_key.created", "api_key.revoked"]);
  });
});
