import { apiRoute } from "@/lib/api/route";
import { actionResponse, jsonBody } from "@/lib/api/run-action";
import { readApprovalSetting } from "@/lib/settings/approval";
import { updateApprovalSetting } from "@/lib/settings/approval-actions";

// Settings → Approval: {"enabled":true,"aboveRecipients":1000,"whatsAppMarketing":true}: launches of more valid
// recipients, and every WhatsApp launch of a marketing template, need a second person's approval. Both off by default;
// a PUT that leaves out whatsAppMarketing keeps it as it is.
export const GET = apiRoute("viewer", async ({ db }) => Response.json({ approval: await readApprovalSetting(db) }));

// Admin keys only; audited as settings.approval_changed with before and after.
export const PUT = apiRoute("admin", async (ctx) => actionResponse(updateApprovalSetting, await jsonBody(ctx.req), ctx, (approval) => ({ approval })));
