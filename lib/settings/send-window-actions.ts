import "server-only";
import { defineAction } from "@/lib/actions/safe-action";
import { sendWindowSettingSchema, type SendWindowSetting } from "@/lib/settings/send-window-schema";
import { recordAudit } from "@/lib/audit/record";
import { settings } from "@/lib/db/schema";
import { SEND_WINDOW_SETTING, readSendWindowSetting } from "./send-window";

/** The hours, in each recipient's time zone, that campaigns keeping to the default may send in. Null: any time. */
export const updateSendWindow = defineAction({
  name: "settings.updateSendWindow",
  access: "admin",
  input: sendWindowSettingSchema,
  handler: async (input, { db, actor }) =>
    db.transaction(async (tx) => {
      const before = await readSendWindowSetting(tx);
      const value: SendWindowSetting = { window: input.window };
      await tx
        .insert(settings)
        .values({ key: SEND_WINDOW_SETTING, value, updatedBy: actor.actorEmail })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date(), updatedBy: actor.actorEmail } });
      if (JSON.stringify(before.window) !== JSON.stringify(value.window)) {
        await recordAudit(tx, actor, {
          action: "settings.send_window_changed",
          targetType: "setting",
          targetId: SEND_WINDOW_SETTING,
          diff: { window: { from: before.window, to: value.window } },
        });
      }
      return value;
    }),
});
