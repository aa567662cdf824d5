// The two-role PostgreSQL setup the README documents: migrations run as the owner role (DATABASE_MIGRATION_URL), the
// console as an app role that may only read and append to audit_log and cannot disable its triggers. PostgreSQL only:
// PGlite has one role. Roles are cluster-wide, so their names are random and they are dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { migrateDatabase } from "@/lib/db/migrate";
import { openPostgres } from "@/lib/db/open";
import { auditLog, users } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { rejectionText } from "@/lib/testing/error-text";
import { testDbKind } from "@/lib/testing/test-db";
import { recordAudit } from "./record";
import { verifyAuditChain } from "./verify";

/** Run once before the first start with DATABASE_MIGRATION_URL, connected to the console's database (README). */
const beforeMigrations = (owner: string, app: string) => [
  `GRANT USAGE ON SCHEMA public TO ${app}`,
  `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
  `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
];

/** Run after the first start (and on an existing database): the audit log is read and append only for the app role. */
const afterMigrations = (app: string) => [
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
  `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
  `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${app}`,
];

function withUser(base: string, user: string, database: string): string {
  const url = new URL(base);
  url.username = user;
  url.password = "";
  url.pathname = `/${database}`;
  return url.toString();
}

async function run(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.skipIf(testDbKind() !== "postgres")("audit log under an app role that does not own it (PostgreSQL)", () => {
  const base = process.env.TEST_DATABASE_URL ?? "";
  const suffix = randomBytes(5).toString("hex");
  const owner = `t_owner_${suffix}`;
  const app = `t_app_${suffix}`;
  const database = `t_roles_${suffix}`;
  let asApp: DatabaseHandle | undefined;

  beforeAll(async () => {
    const host = new URL(base).hostname;
    if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`Refusing to create roles on non-local database host ${host}`);
    // LOGIN without a password: the test cluster trusts local connections. An operator sets passwords.
    await run(base, [`CREATE ROLE ${owner} LOGIN`, `CREATE ROLE ${app} LOGIN`, `CREATE DATABASE ${database} OWNER ${owner}`]);
    await run(withUser(base, new URL(base).username, database), beforeMigrations(owner, app));
    asApp = await openPostgres(withUser(base, app, database), 2);
  });
  afterAll(async () => {
    await asApp?.close();
    await run(base, [`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`, `DROP ROLE IF EXISTS ${app}`, `DROP ROLE IF EXISTS ${owner}`]);
  });

  it("cannot migrate as the app role, and migrates with the owner's DATABASE_MIGRATION_URL", async () => {
    expect(await rejectionText(migrateDatabase(asApp!))).toMatch(/permission denied/);
    await migrateDatabase(asApp!, { migrationUrl: withUser(base, owner, database) });
    const owners = await asApp!.db.execute<{ tableowner: string }>(sql`select tableowner from pg_tables where tablename = 'audit_log'`);
    expect((owners as unknown as { rows: { tableowner: string }[] }).rows).toEqual([{ tableowner: owner }]);
    await run(withUser(base, new URL(base).username, database), afterMigrations(app));
  });

  it("lets the app role work and append audit entries", async () => {
    const db = asApp!.db;
    const [user] = await db.insert(users).values({ email: "ada@example.com", role: "viewer" }).returning();
    await db.update(users).set({ role: "admin" }).where(eq(users.id, user!.id));
    await recordAudit(db, { actorId: user!.id, actorEmail: "ada@example.com" }, { action: "user.created", targetType: "user", targetId: user!.id });
    await recordAudit(db, { actorId: null, actorEmail: "system" }, { action: "system.started" });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 2 });
  });

  it("refuses the app role UPDATE, DELETE and TRUNCATE on audit_log, and disabling its triggers", async () => {
    const db = asApp!.db;
    expect(await rejectionText(db.execute(sql`update audit_log set action = 'forged'`))).toMatch(/permission denied for table audit_log/);
    expect(await rejectionText(db.execute(sql`delete from audit_log`))).toMatch(/permission denied for table audit_log/);
    expect(await rejectionText(db.execute(sql`truncate audit_log`))).toMatch(/permission denied for table audit_log/);
    expect(await rejectionText(db.execute(sql`alter table audit_log disable trigger all`))).toMatch(/must be owner of table audit_log/);
    expect(await rejectionText(db.execute(sql`drop table audit_log`))).toMatch(/must be owner of table audit_log/);
    expect(await db.select().from(auditLog)).toHaveLength(2);
  });
});
