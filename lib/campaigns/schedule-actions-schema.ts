// The input of a reschedule, for the action, the API and its OpenAPI entry. Pure.
import { z } from "zod";
import { safeText } from "@/lib/text/safe-text";

export const rescheduleSchema = z.object({
  campaignId: z.uuid("Unknown campaign"),
  // The composer's "Start at": an ISO instant with its offset, and the zone the time was chosen in.
  scheduledAt: z.iso.datetime({ offset: true, error: "Choose a date and time" }).refine((at) => Date.parse(at) > Date.now(), "Choose a time in the future"),
  timeZone: safeText().max(64).default("UTC"),
});
