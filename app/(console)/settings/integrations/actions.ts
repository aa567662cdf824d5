"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { createIntegration, deleteIntegration, rotateIntegrationSecret, setIntegrationEnabled } from "@/lib/inbound/actions";

export const createIntegrationAction = serverAction(createIntegration);
export const setIntegrationEnabledAction = serverAction(setIntegrationEnabled);
export const rotateIntegrationSecretAction = serverAction(rotateIntegrationSecret);
export const deleteIntegrationAction = serverAction(deleteIntegration);
