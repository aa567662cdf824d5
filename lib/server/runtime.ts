import "server-only";
// Boots the process-wide runtime (configuration, the data-folder lock, the database, the session secret and the audit
// key) and shuts it down; the domains reach it through @/lib/runtime/current, which boots it with this code.
import { startAuditCheckpointLoop } from "@/lib/audit/checkpoint-loop";
import { checkpointFilePath } from "@/lib/audit/checkpoint";
import { auditKeyFromSecrets, configureAuditKey } from "@/lib/audit/key";
import { env } from "@/lib/env";
import { lockDataDir, type DataDirLock } from "@/lib/db/data-dir-lock";
import { migrateDatabase } from "@/lib/db/migrate";
import { openPglite, openPostgres, waitForDatabase } from "@/lib/db/open";
import type { DatabaseHandle } from "@/lib/db/types";
import { forgetRuntime, provideRuntimeBoot, startedRuntime, type Runtime } from "@/lib/runtime/current";
import path from "node:path";
import { resolveAuthSecret } from "./auth-secret";
import { bootstrapAdmin } from "./bootstrap-admin";

// The server entry starts the runtime through this module, which is what lets getRuntime boot it.
export { getDb, getRuntime, type Runtime } from "@/lib/runtime/current";

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

// On load: whichever module asks for the runtime first in this process boots it here.
provideRuntimeBoot(boot);

/** Signed checkpoints of the audit chain's head in DATA_DIR every AUDIT_CHECKPOINT_MINUTES (0: none), until shutdown. */
export function startAuditCheckpoints(rt: Runtime): void {
  const minutes = rt.env.AUDIT_CHECKPOINT_MINUTES;
  if (minutes <= 0) return;
  const loop = startAuditCheckpointLoop({ db: rt.database.db, file: checkpointFilePath(rt.env.dataDir), intervalMs: minutes * 60_000 });
  rt.shutdownHooks.push(() => loop.stop());
}

/** Runs shutdown hooks (newest first), closes the database cleanly and releases the folder lock. */
export async function shutdownRuntime(): Promise<void> {
  const pending = startedRuntime();
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
  forgetRuntime();
}
