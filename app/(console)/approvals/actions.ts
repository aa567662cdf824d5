"use server";
import { runAction, serverAction, type ActionResult } from "@/lib/actions/safe-action";
import { approveCampaign, rejectCampaign, requestApproval } from "@/lib/campaigns/approval-actions";
import { launchNeedsApproval } from "@/lib/approvals/gate";
import { currentUser } from "@/lib/auth/session";
import { launchCampaign } from "@/lib/campaigns/actions";
import { getGateway } from "@/lib/connect/runtime-gateway";
import { launchSchema } from "@/lib/campaigns/schemas";
import { currentRequestMeta } from "@/lib/request/meta";
import { getDb } from "@/lib/runtime/current";

export const requestApprovalAction = serverAction(requestApproval);
export const approveAction = serverAction(approveCampaign);
export const rejectAction = serverAction(rejectCampaign);

/**
 * The composer's Launch: when the approval rule covers this launch and no approval of this very draft exists, the
 * draft is submitted for approval instead (the launch dialog said so); otherwise it launches. Each step authorizes itself.
 */
export async function launchOrSubmitAction(input: {
  campaignId: string;
  confirmRecipients: number;
  confirmInvalid?: number;
}): Promise<ActionResult<{ id: string; status: string; submittedForApproval?: boolean }>> {
  const meta = await currentRequestMeta();
  const [user, db] = await Promise.all([currentUser(), getDb()]);
  const ctx = { user, db, meta };
  const parsed = launchSchema.safeParse(input);
  if (user && parsed.success && (await launchNeedsApproval(db, getGateway, parsed.data.campaignId))) {
    const asked = await runAction(requestApproval, { campaignId: parsed.data.campaignId }, ctx);
    if (!asked.ok) return asked;
    return { ok: true, data: { id: parsed.data.campaignId, status: "draft", submittedForApproval: true } };
  }
  return runAction(launchCampaign, input, ctx);
}
