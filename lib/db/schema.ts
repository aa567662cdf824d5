// The one database schema. SQL migrations under lib/db/migrations are generated from it (npm run db:generate).
import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ROLES } from "@/lib/auth/roles";

export const userRole = pgEnum("user_role", ROLES);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const users = pgTable("users", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  email: text("email").notNull().unique(),
  name: text("name").notNull().default(""),
  role: userRole("role").notNull(),
  // Null for accounts that only sign in through single sign-on.
  passwordHash: text("password_hash"),
  disabledAt: ts("disabled_at"),
  lastSignInAt: ts("last_sign_in_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

// Keyed by the email typed, so unknown emails are throttled exactly like known ones.
export const signInThrottle = pgTable("sign_in_throttle", {
  email: text("email").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: ts("last_failure_at"),
  lockedUntil: ts("locked_until"),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: ts("at").notNull(),
    actorId: text("actor_id"),
    actorEmail: text("actor_email").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    diff: jsonb("diff"),
    requestId: text("request_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_action_idx").on(t.action, t.id),
    index("audit_log_actor_idx").on(t.actorEmail, t.id),
    index("audit_log_target_idx").on(t.targetId, t.id),
  ],
);

export type User = typeof users.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
