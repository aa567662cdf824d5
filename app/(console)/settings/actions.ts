"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { updateSimulatorSettings } from "@/lib/connect/simulator-admin";
import { updateSendRate } from "@/lib/settings/actions";

export const updateSimulatorSettingsAction = serverAction(updateSimulatorSettings);
export const updateSendRateAction = serverAction(updateSendRate);
