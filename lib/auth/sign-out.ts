import "server-only";
// next-auth's sign-out event: the session row is revoked, so a copy of the cookie taken before sign-out stops working.
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/types";
import { revokeSession } from "./sessions";

export async function endSession(db: Db, token: { uid?: unknown; sid?: unknown; email?: unknown } | null | undefined): Promise<void> {
  if (typeof token?.uid !== "string") return;
  const uid = token.uid;
  const sid = typeof token.sid === "string" ? token.sid : null;
  await db.transaction(async (tx) => {
    if (sid) await revokeSession(tx, sid, "signed_out");
    await recordAudit(
      tx,
      { actorId: uid, actorEmail: String(token.email ?? "unknown") },
      { action: "auth.signed_out", targetType: "user", targetId: uid, diff: sid ? { sessionId: sid } : null },
    );
  });
}
