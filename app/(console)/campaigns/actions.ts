"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { deleteDraft, launchCampaign, previewPreflight, saveDraft, testSend } from "@/lib/campaigns/actions";

export const previewPreflightAction = serverAction(previewPreflight);
export const saveDraftAction = serverAction(saveDraft);
export const deleteDraftAction = serverAction(deleteDraft);
export const launchAction = serverAction(launchCampaign);
export const testSendAction = serverAction(testSend);
