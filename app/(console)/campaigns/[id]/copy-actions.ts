"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { duplicateCampaign } from "@/lib/campaigns/duplicate";
import { rescheduleCampaign, unscheduleCampaign } from "@/lib/campaigns/schedule-actions";

export const duplicateAction = serverAction(duplicateCampaign);
export const rescheduleAction = serverAction(rescheduleCampaign);
export const unscheduleAction = serverAction(unscheduleCampaign);
