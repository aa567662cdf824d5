"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { updateApprovalSetting } from "@/lib/settings/approval-actions";

export const updateApprovalSettingAction = serverAction(updateApprovalSetting);
