// Re-walks the whole hash chain and compares its head with the last signed checkpoint. Supervisors and admins only:
// a full walk reads the whole table. The outcome goes to the log, and an intact head becomes a new checkpoint; it is
// not appended to the chain it checks, so verifying leaves the log as it found it.
import { apiRoute } from "@/lib/api/route";
import { checkpointFilePath } from "@/lib/audit/checkpoint";
import { checkpointHead } from "@/lib/audit/checkpoint-writer";
import { verifyAuditChain } from "@/lib/audit/verify";
import { logEvent } from "@/lib/log/event";
import { getRuntime } from "@/lib/runtime/current";

export const POST = apiRoute("supervisor", async ({ db, actor }) => {
  const file = checkpointFilePath((await getRuntime()).env.dataDir);
  const report = await verifyAuditChain(db, { checkpointFile: file });
  const who = { actor: actor.actorId, requestId: actor.requestId ?? undefined };
  if (report.ok) {
    logEvent({ event: "audit_verified", ...who, ok: true, checked: report.checked, lastId: report.lastId });
    try {
      checkpointHead(file, { count: report.checked, lastId: report.lastId, hash: report.lastHash });
    } catch (err) {
      // The answer stands without it; the periodic checkpoint tries again.
      logEvent({ level: "error", event: "audit_checkpoint_failed", ...who, message: err instanceof Error ? err.message : String(err) });
    }
  } else {
    logEvent({ level: "error", event: "audit_verified", ...who, ok: false, checked: report.checked, brokenAt: report.brokenAt, reason: report.reason });
  }
  return Response.json(report, { headers: { "cache-control": "no-store" } });
});
