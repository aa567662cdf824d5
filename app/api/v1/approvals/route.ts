import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { approvalListView } from "@/lib/approvals/api";
import { approvalView } from "@/lib/campaigns/approval-actions";
import { APPROVAL_STATUSES, latestApproval, listApprovals } from "@/lib/approvals/queries";
import { fieldErrors, UserFacingError } from "@/lib/errors";

const query = z.object({
  status: z.enum(APPROVAL_STATUSES, { error: `Use one of ${APPROVAL_STATUSES.join(", ")}` }).default("pending"),
  campaignId: z.uuid({ error: "Name a campaign by its id" }).optional(),
});

// GET /api/v1/approvals?status=pending: approval requests, pending ones oldest first (they have waited longest), the
// others newest first; at most 200. With ?campaignId= instead: that campaign's newest request, whatever its status.
export const GET = apiRoute("viewer", async ({ db, req }) => {
  const params = new URL(req.url).searchParams;
  const parsed = query.safeParse({ status: params.get("status") ?? undefined, campaignId: params.get("campaignId") ?? undefined });
  if (!parsed.success) throw new UserFacingError("invalid", "Unknown approval status or campaign id", fieldErrors(parsed.error));
  if (parsed.data.campaignId) {
    const latest = await latestApproval(db, parsed.data.campaignId);
    return Response.json({ approvals: latest ? [approvalView(latest)] : [] });
  }
  return Response.json({ approvals: (await listApprovals(db, parsed.data.status)).map(approvalListView) });
});
