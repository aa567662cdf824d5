import "server-only";
// ADMIN_EMAIL / ADMIN_PASSWORD create the first admin at start, for deployments with no one to visit /setup.
import { SYSTEM_ACTOR } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/types";
import { emailSchema, setupSchema } from "@/lib/users/schemas";
import { countUsers, insertUser, publicUser } from "@/lib/users/queries";

export async function bootstrapAdmin(db: Db, email: string, password: string): Promise<"created" | "skipped"> {
  const parsedEmail = emailSchema.safeParse(email);
  if (!parsedEmail.success) throw new Error(`ADMIN_EMAIL: ${parsedEmail.error.issues[0]?.message}`);
  // The /setup page's schema, so the same policy; refusing to start beats an admin password anyone could guess.
  const parsed = setupSchema.safeParse({ email, name: "Administrator", password, confirmPassword: password });
  const problem = parsed.success ? null : parsed.error.issues.find((i) => i.path[0] === "password")?.message;
  if (problem) {
    throw new Error(
      `ADMIN_PASSWORD is too weak (${problem}). Set ADMIN_PASSWORD to at least 12 characters that are not a common password ` +
        "and not the email address, or unset ADMIN_EMAIL and ADMIN_PASSWORD and create the first admin at /setup.",
    );
  }
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    if ((await countUsers(tx)) > 0) return "skipped" as const;
    const user = await insertUser(tx, { email: parsedEmail.data, name: "Administrator", role: "admin", passwordHash });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: "user.created",
      targetType: "user",
      targetId: user.id,
      diff: { after: publicUser(user), via: "ADMIN_EMAIL" },
    });
    return "created" as const;
  });
}
