"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { deleteDraft, launchCampaign, previewPreflight, saveDraft } from "@/lib/campaigns/actions";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "@/lib/campaigns/controls";
import { retryFailed } from "@/lib/campaigns/retry";
import { testSend } from "@/lib/test-sends/actions";

export const previewPreflightAction = serverAction(previewPreflight);
export const saveDraftAction = serverAction(saveDraft);
export const deleteDraftAction = serverAction(deleteDraft);
export const launchAction = serverAction(launchCampaign);
export const testSendAction = serverAction(testSend);
export const pauseAction = serverAction(pauseCampaign);
export const resumeAction = serverAction(resumeCampaign);
export const cancelAction = serverAction(cancelCampaign);
export const retryFailedAction = serverAction(retryFailed);
