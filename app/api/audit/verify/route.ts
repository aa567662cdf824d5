// Re-walks the whole hash chain and reports the first entry that does not link or hash.
import { apiRoute } from "@/lib/api/route";
import { recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";

export const POST = apiRoute("viewer", async ({ db, actor }) => {
  const report = await verifyAuditChain(db);
  // Written after the check, so the entry recording the outcome is not itself part of what was checked.
  await recordAudit(db, actor, { action: "audit.verified", diff: { ...report } });
  return Response.json(report, { headers: { "cache-control": "no-store" } });
});
