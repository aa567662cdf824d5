import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { approvalListView } from "@/lib/approvals/api";
import { APPROVAL_STATUSES, listApprovals } from "@/lib/approvals/queries";
import { fieldErrors, UserFacingError } from "@/lib/errors";

const query = z.object({ status: z.enum(APPROVAL_STATUSES, { error: `Use one of ${APPROVAL_STATUSES.join(", ")}` }).default("pending") });

// GET /api/v1/approvals?status=pending: approval requests, pending ones oldest first (they have waited longest), the
// others newest first; at most 200.
export const GET = apiRoute("viewer", async ({ db, req }) => {
  const parsed = query.safeParse({ status: new URL(req.url).searchParams.get("status") ?? undefined });
  if (!parsed.success) throw new UserFacingError("invalid", "Unknown approval status", fieldErrors(parsed.error));
  return Response.json({ approvals: (await listApprovals(db, parsed.data.status)).map(approvalListView) });
});
