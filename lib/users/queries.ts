import "server-only";
import { asc, count, eq, isNull, and } from "drizzle-orm";
import { users, type User } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { Role } from "@/lib/db/roles";

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
  return row?.n ?? 0;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(db: Db): Promise<User[]> {
  return db.select().from(users).orderBy(asc(users.email));
}

export async function insertUser(db: Db, values: { email: string; name: string; role: Role; passwordHash: string | null }): Promise<User> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<Pick<User, "role" | "disabledAt" | "name" | "lastSignInAt" | "passwordHash" | "mustChangePassword" | "passwordChangedAt" | "canApprove">>,
): Promise<User | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/**
 * Sets a new password hash only if the stored one is still `expectedHash`: a reset or another change that landed
 * since the current password was checked wins, and this one updates nothing.
 */
export async function replacePasswordHash(db: Db, id: string, expectedHash: string, passwordHash: string): Promise<User | undefined> {
  const now = new Date();
  const [row] = await db
    .update(users)
    .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now })
    .where(and(eq(users.id, id), eq(users.passwordHash, expectedHash)))
    .returning();
  return row;
}

/** What a user record may show in the audit log and the UI: never the password hash. */
export function publicUser(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabledAt !== null,
    mustChangePassword: u.mustChangePassword,
    canApprove: u.canApprove,
    lastSignInAt: u.lastSignInAt,
    createdAt: u.createdAt,
  };
}
export type PublicUser = ReturnType<typeof publicUser>;
