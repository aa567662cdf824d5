import "server-only";
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { settings } from "@/lib/db/schema";
import { APPROVAL_SETTING, readApprovalSetting } from "./approval";
import { approvalSettingUpdateSchema, type ApprovalSetting } from "./approval-schema";

/** Whether launches above a number of recipients, and WhatsApp launches of marketing templates, need a second person's approval. */
export const updateApprovalSetting = defineAction({
  name: "settings.updateApproval",
  access: "admin",
  input: approvalSettingUpdateSchema,
  handler: async (input, { db, actor }) =>
    db.transaction(async (tx) => {
      const before = await readApprovalSetting(tx);
      const value: ApprovalSetting = {
        enabled: input.enabled,
        aboveRecipients: input.aboveRecipients,
        whatsAppMarketing: input.whatsAppMarketing ?? before.whatsAppMarketing,
      };
      await tx
        .insert(settings)
        .values({ key: APPROVAL_SETTING, value, updatedBy: actor.actorEmail })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date(), updatedBy: actor.actorEmail } });
      if (before.enabled !== value.enabled || before.aboveRecipients !== value.aboveRecipients || before.whatsAppMarketing !== value.whatsAppMarketing) {
        await recordAudit(tx, actor, {
          action: "settings.approval_changed",
          targetType: "setting",
          targetId: APPROVAL_SETTING,
          diff: { from: before, to: value },
        });
      }
      return value;
    }),
});
