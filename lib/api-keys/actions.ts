import "server-only";
import { eq } from "drizzle-orm";
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { apiKeys } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/errors";
import { publicKey } from "./queries";
import { createApiKeySchema, expiryFromDay, revokeApiKeySchema } from "./schemas";
import { newApiKey } from "./token";

export const createApiKey = defineAction({
  name: "apiKeys.create",
  access: "admin",
  input: createApiKeySchema,
  handler: async (input, { db, actor, user }) => {
    const { key, prefix, hash } = newApiKey();
    return db.transaction(async (tx) => {
      const expiresAt = input.expiresOn ? expiryFromDay(input.expiresOn) : null;
      const [row] = await tx.insert(apiKeys).values({ name: input.name, role: input.role, prefix, hash, createdBy: user.id, expiresAt }).returning();
      await recordAudit(tx, actor, { action: "api_key.created", targetType: "api_key", targetId: row!.id, diff: { after: publicKey(row!) } });
      // The only time the key itself leaves the server.
      return { ...publicKey(row!), key };
    });
  },
});

export const revokeApiKey = defineAction({
  name: "apiKeys.revoke",
  access: "admin",
  input: revokeApiKeySchema,
  handler: async (input, { db, actor }) =>
    db.transaction(async (tx) => {
      const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, input.keyId));
      if (!row) throw new UserFacingError("not_found", "This key no longer exists");
      if (row.revokedAt) return publicKey(row);
      const [after] = await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, row.id)).returning();
      await recordAudit(tx, actor, { action: "api_key.revoked", targetType: "api_key", targetId: row.id, diff: { name: row.name, role: row.role } });
      return publicKey(after!);
    }),
});
