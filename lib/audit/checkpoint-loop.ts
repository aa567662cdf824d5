import "server-only";
// Writes a checkpoint of the audit chain every few minutes in the console (AUDIT_CHECKPOINT_MINUTES; 0 turns it off).
import { wakeableSleep } from "@/lib/background/wakeable-sleep";
import type { Db } from "@/lib/db/types";
import { logEvent, type LogFields } from "@/lib/log/event";
import { writeAuditCheckpoint } from "./checkpoint-writer";
import { errorSummary } from "@/lib/errors";

export interface CheckpointLoopConfig {
  db: Db;
  file: string;
  intervalMs: number;
  log?: (fields: LogFields) => void;
}

export interface CheckpointLoop {
  /** Ends the pause (or lets the checkpoint in progress finish) and resolves once nothing more touches the database. */
  stop(): Promise<void>;
}

/** The first checkpoint is written at once, so a restart does not leave a gap of a whole interval. */
export function startAuditCheckpointLoop(config: CheckpointLoopConfig): CheckpointLoop {
  const log = config.log ?? logEvent;
  let stopping = false;
  const { sleep, wake } = wakeableSleep();
  const done = (async () => {
    while (!stopping) {
      try {
        await writeAuditCheckpoint(config.db, config.file, { log });
      } catch (err) {
        log({ level: "error", event: "audit_checkpoint_failed", message: errorSummary(err) });
      }
      if (stopping) break;
      await sleep(config.intervalMs);
    }
  })();
  return {
    stop() {
      stopping = true;
      wake();
      return done;
    },
  };
}
