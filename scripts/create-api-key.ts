// `npm run create-api-key -- --name "CRM sync" --role supervisor [--expires 2026-12-31]`: creates an automation API key from the command line,
// for deployments where nobody has signed in yet to use Settings. Opens the configured database (the embedded one in
// DATA_DIR, taking the data-folder lock so it refuses while the console runs, or DATABASE_URL), attributes the key to
// the first admin, audits it as the system, prints the key once and closes the database cleanly.
import "./allow-server-modules";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, asc, eq, isNull } from "drizzle-orm";
import { publicKey } from "@/lib/api-keys/queries";
import { createApiKeySchema, expiryFromDay } from "@/lib/api-keys/schemas";
import { newApiKey } from "@/lib/api-keys/token";
import { SYSTEM_ACTOR } from "@/lib/audit/context";
import { auditKeyFromSecrets, configureAuditKey } from "@/lib/audit/key";
import { recordAudit } from "@/lib/audit/record";
import { DataDirLockedError, lockDataDir, type DataDirLock } from "@/lib/db/data-dir-lock";
import { migrateDatabase } from "@/lib/db/migrate";
import { openPglite, openPostgres } from "@/lib/db/open";
import { apiKeys, users } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { ConfigError, loadEnv } from "@/lib/env-schema";
import { resolveAuthSecret } from "@/lib/server/auth-secret";

const USAGE = 'Usage: npm run create-api-key -- --name "CRM sync" --role admin|supervisor|viewer [--expires YYYY-MM-DD] [--json]';

class UsageError extends Error {}

function readArgs() {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        name: { type: "string" },
        role: { type: "string" },
        expires: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const input = createApiKeySchema.safeParse({ name: parsed.values.name ?? "", role: parsed.values.role, expiresOn: parsed.values.expires });
  if (!input.success) {
    const flag = (field: unknown) => (field === "expiresOn" ? "expires" : String(field ?? "?"));
    const problems = input.error.issues.map((i) => `  --${flag(i.path[0])}: ${i.message}`);
    throw new UsageError(`${problems.join("\n")}\n${USAGE}`);
  }
  return { ...input.data, json: parsed.values.json };
}

async function main(): Promise<void> {
  const args = readArgs();
  const e = loadEnv(process.env);
  let lock: DataDirLock | undefined;
  let database: DatabaseHandle | undefined;
  try {
    if (e.databaseKind === "pglite") {
      // The same lock the console takes: the embedded database must never be opened by two processes.
      lock = lockDataDir(e.dataDir);
      database = await openPglite(path.join(e.dataDir, "pglite"));
    } else {
      database = await openPostgres(e.DATABASE_URL!, 2);
    }
    await migrateDatabase(database, { migrationUrl: e.DATABASE_MIGRATION_URL });
    configureAuditKey(auditKeyFromSecrets(e.AUDIT_KEY, resolveAuthSecret(e)));
    const db = database.db;

    const created = await db.transaction(async (tx) => {
      const [admin] = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
        .orderBy(asc(users.createdAt), asc(users.email))
        .limit(1);
      if (!admin) {
        throw new UsageError(
          "There is no active admin yet, and every API key belongs to one. Create the first admin first: open the console and complete /setup, " +
            "or start it once with ADMIN_EMAIL and ADMIN_PASSWORD set.",
        );
      }
      const { key, prefix, hash } = newApiKey();
      const expiresAt = args.expiresOn ? expiryFromDay(args.expiresOn) : null;
      const [row] = await tx.insert(apiKeys).values({ name: args.name, role: args.role, prefix, hash, createdBy: admin.id, expiresAt }).returning();
      await recordAudit(
        tx,
        { ...SYSTEM_ACTOR, requestId: "create-api-key" },
        {
          action: "api_key.created",
          targetType: "api_key",
          targetId: row!.id,
          diff: { after: publicKey(row!), via: "create-api-key", createdBy: admin.email },
        },
      );
      return { row: row!, key, adminEmail: admin.email };
    });

    if (args.json) {
      console.log(JSON.stringify({ ...publicKey(created.row), createdBy: created.adminEmail, key: created.key }));
    } else {
      const expiry = created.row.expiresAt ? `, expires ${created.row.expiresAt.toISOString()}` : "";
      console.log(
        `Created API key "${created.row.name}" (role ${created.row.role}, prefix ${created.row.prefix}${expiry}) on behalf of ${created.adminEmail}.`,
      );
      console.log("Copy it now: it is shown only this once and only its hash is stored.");
      console.log("");
      console.log(created.key);
      console.log("");
      console.log("Send it as `Authorization: Bearer <key>` to /api/v1/…");
    }
  } finally {
    await database?.close().catch(() => undefined);
    lock?.release();
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError || err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    console.error(`create-api-key failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exit(1);
});
