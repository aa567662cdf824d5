import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { countUsers } from "@/lib/users/queries";
import { bootstrapAdmin } from "./bootstrap-admin";

describe("ADMIN_EMAIL / ADMIN_PASSWORD bootstrap", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("refuses to start with a weak ADMIN_PASSWORD, saying why and what to do", async () => {
    for (const [password, why] of [
      ["short-1", /at least 12 characters/],
      ["qwerty123456", /too common/],
      ["Platform.Admin", /email address/],
    ] as const) {
      const run = bootstrapAdmin(h.db, "platform.admin@example.com", password);
      await expect(run).rejects.toThrow(/^ADMIN_PASSWORD is too weak/);
      await expect(bootstrapAdmin(h.db, "platform.admin@example.com", password)).rejects.toThrow(why);
    }
    expect(await countUsers(h.db)).toBe(0);
  });

  it("creates the admin from a strong one", async () => {
    expect(await bootstrapAdmin(h.db, "platform.admin@example.com", "a-long-passphrase-42")).toBe("created");
    expect(await bootstrapAdmin(h.db, "platform.admin@example.com", "a-long-passphrase-42")).toBe("skipped");
  });
});
