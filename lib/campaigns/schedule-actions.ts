import "server-only";
// Moving a scheduled campaign's start, or sending it back to draft, before it starts. Both are conditional updates on
// status = 'scheduled', so whichever of a person and the dispatcher's own conditional start commits first wins.
// A reschedule keeps the status, though, and the dispatcher picks due campaigns before it starts them: a start time
// that has come (or comes within START_MARGIN) is refused, so a due campaign is never moved after the dispatcher read it.
import { and, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { campaigns, type Campaign } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { UserFacingError } from "@/lib/errors";
import { getCampaign } from "./queries";
import { rescheduleSchema } from "./schedule-actions-schema";
import type { CampaignConfig } from "./schemas";
import { STATUS_LABEL } from "./status";

/** Longer than any dispatcher pass takes from picking due campaigns to starting them. */
const START_MARGIN = sql`clock_timestamp() + interval '5 seconds'`;
const STARTING = "This campaign is starting now and can no longer be changed; pause or cancel it instead";
const CHANGED = "The campaign changed meanwhile; reload it";

async function loadScheduled(db: Db, campaignId: string, verb: string): Promise<Campaign> {
  const c = await getCampaign(db, campaignId);
  if (!c) throw new UserFacingError("not_found", "No campaign with this id");
  if (c.status === "draft") throw new UserFacingError("conflict", `This campaign is a draft, not scheduled: it cannot be ${verb}; edit its schedule instead`);
  if (c.status !== "scheduled") {
    throw new UserFacingError("conflict", `This campaign has already started (${STATUS_LABEL[c.status].toLowerCase()}): it can no longer be ${verb}`);
  }
  return c;
}

/** Why a conditional update matched nothing: the campaign started (or changed) in between, or its time has come. */
async function whyNotChanged(db: Db, campaignId: string, verb: string): Promise<never> {
  const now = await getCampaign(db, campaignId);
  if (now && now.status === "scheduled") throw new UserFacingError("conflict", STARTING);
  await loadScheduled(db, campaignId, verb);
  throw new UserFacingError("conflict", CHANGED);
}

export const rescheduleCampaign = defineAction({
  name: "campaigns.reschedule",
  access: "supervisor",
  input: rescheduleSchema,
  handler: async ({ campaignId, scheduledAt, timeZone }, { db, actor }) =>
    db.transaction(async (tx) => {
      const c = await loadScheduled(tx, campaignId, "rescheduled");
      const config = c.config as CampaignConfig & { endAt?: string };
      if (config.endAt && Date.parse(config.endAt) <= Date.parse(scheduledAt)) {
        throw new UserFacingError("invalid", "The new start is after the campaign's end time; choose an earlier start", {
          scheduledAt: "After the campaign's end time",
        });
      }
      const at = new Date(scheduledAt);
      const [moved] = await tx
        .update(campaigns)
        .set({ scheduledAt: at, config: { ...config, schedule: { mode: "at", at: scheduledAt, timeZone } }, updatedAt: new Date() })
        .where(and(eq(campaigns.id, c.id), eq(campaigns.status, "scheduled"), gt(campaigns.scheduledAt, START_MARGIN)))
        .returning();
      if (!moved) return whyNotChanged(tx, c.id, "rescheduled");
      await recordAudit(tx, actor, {
        action: "campaign.rescheduled",
        targetType: "campaign",
        targetId: c.id,
        diff: { scheduledAt: { from: c.scheduledAt?.toISOString() ?? null, to: at.toISOString() }, timeZone },
      });
      return { id: moved.id, status: moved.status, scheduledAt: moved.scheduledAt };
    }),
});

export const unscheduleCampaign = defineAction({
  name: "campaigns.unschedule",
  access: "supervisor",
  input: z.object({ campaignId: z.uuid("Unknown campaign") }),
  handler: async ({ campaignId }, { db, actor }) =>
    db.transaction(async (tx) => {
      const c = await loadScheduled(tx, campaignId, "sent back to draft");
      // The status alone settles the race: the dispatcher starts only a campaign still scheduled.
      const config = c.config as CampaignConfig;
      const draftStart = config.schedule?.mode === "at" ? new Date(config.schedule.at) : null;
      const [moved] = await tx
        .update(campaigns)
        .set({ status: "draft", launchedBy: null, launchedAt: null, scheduledAt: draftStart, pauseReason: null, waitingReason: null, updatedAt: new Date() })
        .where(and(eq(campaigns.id, c.id), eq(campaigns.status, "scheduled")))
        .returning();
      if (!moved) {
        await loadScheduled(tx, c.id, "sent back to draft");
        throw new UserFacingError("conflict", CHANGED);
      }
      await recordAudit(tx, actor, {
        action: "campaign.unscheduled",
        targetType: "campaign",
        targetId: c.id,
        diff: { status: { from: "scheduled", to: "draft" }, scheduledAt: c.scheduledAt?.toISOString() ?? null },
      });
      return { id: moved.id, status: moved.status };
    }),
});
