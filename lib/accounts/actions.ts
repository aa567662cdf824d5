import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type { Db } from "@/lib/db/types";
import { isUniqueViolation } from "@/lib/db/errors";
import { UserFacingError } from "@/lib/errors";
import { changeRoleSchema, createUserSchema, setUserDisabledSchema, setupSchema } from "@/lib/users/schemas";
import { countActiveAdmins, countUsers, findUserByEmail, findUserById, insertUser, listUsers, publicUser, updateUser } from "@/lib/users/queries";

const SETUP_LOCK = 7_201_442_003;

const duplicateEmail = () => new UserFacingError("conflict", "A user with this email already exists", { email: "A user with this email already exists" });

async function insertUnique(db: Db, values: Parameters<typeof insertUser>[1]) {
  if (await findUserByEmail(db, values.email)) throw duplicateEmail();
  try {
    return await insertUser(db, values);
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateEmail();
    throw err;
  }
}

/** First run only: creates the first admin while no user exists, and refuses once one does. */
export const setupFirstAdmin = defineAction({
  name: "users.setupFirstAdmin",
  access: "public",
  input: setupSchema,
  handler: async (input, { db, actor }) => {
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
      if ((await countUsers(tx)) > 0) throw new UserFacingError("forbidden", "Setup is already complete. Sign in instead.");
      const user = await insertUnique(tx, { email: input.email, name: input.name, role: "admin", passwordHash });
      await recordAudit(
        tx,
        { ...actor, actorId: user.id, actorEmail: user.email },
        { action: "user.created", targetType: "user", targetId: user.id, diff: { after: publicUser(user), via: "setup" } },
      );
      return publicUser(user);
    });
  },
});

export const createUser = defineAction({
  name: "users.create",
  access: "admin",
  input: createUserSchema,
  handler: async (input, { db, actor }) => {
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (tx) => {
      const user = await insertUnique(tx, { email: input.email, name: input.name, role: input.role, passwordHash });
      await recordAudit(tx, actor, { action: "user.created", targetType: "user", targetId: user.id, diff: { after: publicUser(user) } });
      return publicUser(user);
    });
  },
});

export async function loadUser(db: Db, id: string) {
  const user = await findUserById(db, id);
  if (!user) throw new UserFacingError("not_found", "This user no longer exists");
  return user;
}

async function keepOneAdmin(db: Db, message: string) {
  if ((await countActiveAdmins(db)) < 1) throw new UserFacingError("conflict", message);
}

export const changeUserRole = defineAction({
  name: "users.changeRole",
  access: "admin",
  input: changeRoleSchema,
  handler: async (input, { db, actor }) => {
    return db.transaction(async (tx) => {
      const before = await loadUser(tx, input.userId);
      if (before.role === input.role) return publicUser(before);
      const after = (await updateUser(tx, before.id, { role: input.role }))!;
      await keepOneAdmin(tx, "The console needs at least one active admin: make someone else admin first");
      await recordAudit(tx, actor, {
        action: "user.role_changed",
        targetType: "user",
        targetId: before.id,
        diff: changedFields(publicUser(before), publicUser(after)),
      });
      return publicUser(after);
    });
  },
});

export const setUserDisabled = defineAction({
  name: "users.setDisabled",
  access: "admin",
  input: setUserDisabledSchema,
  handler: async (input, { db, actor }) => {
    return db.transaction(async (tx) => {
      const before = await loadUser(tx, input.userId);
      if (input.disabled && before.id === actor.actorId) throw new UserFacingError("conflict", "You cannot disable your own account");
      if (Boolean(before.disabledAt) === input.disabled) return publicUser(before);
      const after = (await updateUser(tx, before.id, { disabledAt: input.disabled ? new Date() : null }))!;
      await keepOneAdmin(tx, "The console needs at least one active admin");
      // Every session of a disabled user ends on the server, not just when its cookie is next checked against the user.
      const sessionsEnded = input.disabled ? await revokeUserSessions(tx, before.id, "user_disabled") : 0;
      const diff = { ...changedFields(publicUser(before), publicUser(after)), ...(input.disabled ? { sessionsEnded } : {}) };
      await recordAudit(tx, actor, { action: input.disabled ? "user.disabled" : "user.enabled", targetType: "user", targetId: before.id, diff });
      return publicUser(after);
    });
  },
});

const setCanApproveSchema = z.object({ userId: z.uuid("Unknown user"), canApprove: z.boolean({ error: "Say whether this user may approve" }) });

/** Grants or takes back the right to approve other people's launches (admins always have it). */
export const setUserCanApprove = defineAction({
  name: "users.setCanApprove",
  access: "admin",
  input: setCanApproveSchema,
  handler: async (input, { db, actor }) => {
    return db.transaction(async (tx) => {
      const before = await loadUser(tx, input.userId);
      if (before.canApprove === input.canApprove) return publicUser(before);
      const after = (await updateUser(tx, before.id, { canApprove: input.canApprove }))!;
      await recordAudit(tx, actor, {
        action: input.canApprove ? "user.approver_granted" : "user.approver_revoked",
        targetType: "user",
        targetId: before.id,
        diff: changedFields(publicUser(before), publicUser(after)),
      });
      return publicUser(after);
    });
  },
});

export async function listPublicUsers(db: Db) {
  return (await listUsers(db)).map(publicUser);
}
