import { apiRoute } from "@/lib/api/route";
import { actionResponse } from "@/lib/api/run-action";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "@/lib/campaigns/controls";
import { retryFailed } from "@/lib/campaigns/retry";
import { rescheduleCampaign, unscheduleCampaign } from "@/lib/campaigns/schedule-actions";
import { UserFacingError } from "@/lib/errors";

const CONTROLS = {
  pause: pauseCampaign,
  resume: resumeCampaign,
  cancel: cancelCampaign,
  "retry-failed": retryFailed,
  reschedule: rescheduleCampaign,
  unschedule: unscheduleCampaign,
} as const;

/** Controls whose body carries options: retry-failed (`{"includeUnverifiable": true}`), reschedule (`{"scheduledAt": …}`). */
const WITH_BODY = new Set<unknown>([retryFailed, rescheduleCampaign]);

/** The options in the body; an empty body, as the other controls send, means none. */
async function bodyOptions(req: Request): Promise<object> {
  const text = await req.text();
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UserFacingError("invalid", "The request body must be JSON");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new UserFacingError("invalid", 'The request body must be a JSON object, e.g. {"scheduledAt": "2030-05-01T09:00:00+02:00"}');
  }
  return body;
}

// POST /api/v1/campaigns/{id}/pause | resume | cancel | retry-failed | reschedule | unschedule
export const POST = apiRoute("supervisor", async (ctx) => {
  // Own keys only: "constructor" and the like are not controls.
  const def = Object.hasOwn(CONTROLS, ctx.params.control ?? "") ? CONTROLS[ctx.params.control as keyof typeof CONTROLS] : undefined;
  if (!def) throw new UserFacingError("not_found", "Use pause, resume, cancel, retry-failed, reschedule, unschedule or duplicate");
  const options = WITH_BODY.has(def) ? await bodyOptions(ctx.req) : {};
  return actionResponse(def, { ...options, campaignId: ctx.params.id }, ctx, (campaign) => ({ campaign }));
});
