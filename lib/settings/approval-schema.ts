// Two-person approval, as an admin sets it: off by default; when on, a launch of more than `aboveRecipients` valid
// recipients needs a second person's approval. Pure: shared by the settings form, the action, the API and launch.
//
// "Every WhatsApp marketing send" is not offered: Q in Connect's template reads (ListMessageTemplates,
// GetMessageTemplate) as the installed client models them carry no WhatsApp category, so the console cannot tell a
// marketing template from a utility one.
import { z } from "zod";

export const MAX_APPROVAL_THRESHOLD = 1_000_000;

export const approvalSettingSchema = z.object({
  enabled: z.boolean({ error: "Say whether approval is required" }),
  aboveRecipients: z.coerce
    .number({ error: "Enter a number of recipients" })
    .int("Use a whole number")
    .min(0, "At least 0 (every launch)")
    .max(MAX_APPROVAL_THRESHOLD, "At most 1,000,000"),
});

export type ApprovalSetting = z.output<typeof approvalSettingSchema>;
export type ApprovalSettingInput = z.input<typeof approvalSettingSchema>;

export const NO_APPROVAL: ApprovalSetting = { enabled: false, aboveRecipients: 1000 };

const n = (v: number) => v.toLocaleString("en-US");

/** Why a launch of `valid` recipients needs approval, in words; empty when it does not. */
export function approvalReasons(setting: ApprovalSetting, valid: number): string[] {
  if (!setting.enabled || valid <= setting.aboveRecipients) return [];
  return setting.aboveRecipients === 0
    ? ["Every launch needs a second person's approval"]
    : [`${n(valid)} recipients: launches above ${n(setting.aboveRecipients)} need a second person's approval`];
}
