import "server-only";
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { settings } from "@/lib/db/schema";
import { FREQUENCY_CAPS_SETTING, readFrequencyCaps } from "./frequency-caps";
import { frequencyCapsSchema, type FrequencyCaps } from "./frequency-caps-schema";

/** The rules every campaign that is not exempt keeps to, counted over every contact the console created per number. */
export const updateFrequencyCaps = defineAction({
  name: "settings.updateFrequencyCaps",
  access: "admin",
  input: frequencyCapsSchema,
  handler: async (input, { db, actor }) =>
    db.transaction(async (tx) => {
      const before = await readFrequencyCaps(tx);
      const value: FrequencyCaps = { rules: input.rules };
      await tx
        .insert(settings)
        .values({ key: FREQUENCY_CAPS_SETTING, value, updatedBy: actor.actorEmail })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date(), updatedBy: actor.actorEmail } });
      if (JSON.stringify(before.rules) !== JSON.stringify(value.rules)) {
        await recordAudit(tx, actor, {
          action: "settings.frequency_caps_changed",
          targetType: "setting",
          targetId: FREQUENCY_CAPS_SETTING,
          diff: { rules: { from: before.rules, to: value.rules } },
        });
      }
      return value;
    }),
});
