// Inputs of the approval steps, shared by the console's buttons and the automation API.
import { z } from "zod";
import { safeText } from "@/lib/text/safe-text";

const campaignId = z.uuid({ error: "Name a campaign by its id" });
const MAX_COMMENT = 2000;

export const requestApprovalSchema = z.object({ campaignId });

export const approveSchema = z.object({
  campaignId,
  comment: safeText({ error: "The comment must be text" }).trim().max(MAX_COMMENT, `Use at most ${MAX_COMMENT} characters`).optional(),
});

export const rejectSchema = z.object({
  campaignId,
  comment: safeText({ error: "Say why you reject this launch" })
    .trim()
    .min(1, "Say why you reject this launch")
    .max(MAX_COMMENT, `Use at most ${MAX_COMMENT} characters`),
});
