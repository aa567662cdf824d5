"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { updateSendWindow } from "@/lib/settings/send-window-actions";

export const updateSendWindowAction = serverAction(updateSendWindow);
