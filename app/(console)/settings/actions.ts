"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { updateSimulatorSettings } from "@/lib/connect/simulator-admin";

export const updateSimulatorSettingsAction = serverAction(updateSimulatorSettings);
