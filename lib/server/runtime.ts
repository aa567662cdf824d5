import "server-only";
// The process-wide runtime: configuration, the data-folder lock, the database and the Connect endpoint.
// Kept on globalThis because the server entry and Next's route bundles load separate copies of this module.
import { startAuditCheckpointLoop } from "@/lib/audit/checkpoint-loop";
import { checkpointFilePath } from "@/lib/audit/checkpoint";
import { auditKeyFromSecrets, configureAuditKey } from "@/lib/audit/key";
import { env, type Env } from "@/lib/env";
import { lockDataDir, type DataDirLock } from "@/lib/db/data-dir-lock";
import { migrateDatabase } from "@/lib/db/migrate";
import { openPglite, openPostgres, waitForDatabase } from "@/lib/db/open";
import type { DatabaseHandle } from "@/lib/db/types";
import path from "node:path";
import { resolveAuthSecret } from "./auth-secret";
import { bootstrapAdmin } from "./bootstrap-admin";

export interface Runtime {
  env: Env;
  database: DatabaseHandle;
  authSecret: string;
  lock?: DataDirLock;
  /** Set once the local Connect simulator (or CONNECT_ENDPOINT) is known. */
  connectEndpoint?: string;
  shutdownHooks: (() => Promise<void> | void)[];
}

const g = globalThis as unknown as { __outboundRuntime?: Promise<Runtime> };

async function boot(): Promise<Runtime> {
  const e = env();
  let lock: DataDirLock | undefined;
  let database: DatabaseHandle;
  if (e.databaseKind === "pglite") {
    lock = lockDataDir(e.dataDir);
    try {
      database = await openPglite(path.join(e.dataDir, "pglite"));
    } catch (err) {
      lock.release();
      throw err;
    }
  } else {
    database = await openPostgres(e.DATABASE_URL!);
    // Started while PostgreSQL is down or restarting (a host reboot brings both up together): wait, do not exit.
    await waitForDatabase(database, { log: (line) => console.log(`[console] ${line}`) });
  }
  await migrateDatabase(database, { migrationUrl: e.DATABASE_MIGRATION_URL });
  const authSecret = resolveAuthSecret(e);
  // Before anything can write to the audit log (the admin bootstrap below does).
  configureAuditKey(auditKeyFromSecrets(e.AUDIT_KEY, authSecret));
  if (e.ADMIN_EMAIL && e.ADMIN_PASSWORD) {
    const outcome = await bootstrapAdmin(database.db, e.ADMIN_EMAIL, e.ADMIN_PASSWORD);
    if (outcome === "created") console.log(`[console] created admin ${e.ADMIN_EMAIL} from ADMIN_EMAIL`);
  }
  return { env: e, database, lock, authSecret, connectEndpoint: e.CONNECT_ENDPOINT, shutdownHooks: [] };
}

export function getRuntime(): Promise<Runtime> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    return Promise.reject(new Error("The database is not opened while building; this page must be dynamic"));
  }
  g.__outboundRuntime ??= boot().catch((err) => {
    g.__outboundRuntime = undefined;
    throw err;
  });
  return g.__outboundRuntime;
}

export async function getDb() {
  return (await getRuntime()).database.db;
}

/** Signed checkpoints of the audit chain's head in DATA_DIR every AUDIT_CHECKPOINT_MINUTES (0: none), until shutdown. */
export function startAuditCheckpoints(rt: Runtime): void {
  const minutes = rt.env.AUDIT_CHECKPOINT_MINUTES;
  if (minutes <= 0) return;
  const loop = startAuditCheckpointLoop({ db: rt.database.db, file: checkpointFilePath(rt.env.dataDir), intervalMs: minutes * 60_000 });
  rt.shutdownHooks.push(() => loop.stop());
}

/** Runs shutdown hooks (newest first), closes the database cleanly and releases the folder lock. */
export async function shutdownRuntime(): Promise<void> {
  const pending = g.__outboundRuntime;
  if (!pending) return;
  const rt = await pending.catch(() => undefined);
  if (!rt) return;
  for (const hook of [...rt.shutdownHooks].reverse()) {
    try {
      await hook();
    } catch (err) {
      console.error("[console] shutdown step failed:", err);
    }
  }
  await rt.database.close();
  rt.lock?.release();
  g.__outboundRuntime = undefined;
}
