"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { updateSimulatorSettings } from "@/lib/connect/simulator-admin";
import { updateChatStreaming, updateOptKeywords, updateSendingCapacity, updateSendRate } from "@/lib/settings/actions";

export const updateSimulatorSettingsAction = serverAction(updateSimulatorSettings);
export const updateSendRateAction = serverAction(updateSendRate);
export const updateOptKeywordsAction = serverAction(updateOptKeywords);
export const updateSendingCapacityAction = serverAction(updateSendingCapacity);
export const updateChatStreamingAction = serverAction(updateChatStreaming);
