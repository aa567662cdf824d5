"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { changeUserRole, createUser, setUserCanApprove, setUserDisabled } from "@/lib/accounts/actions";
import { resetUserPassword } from "@/lib/accounts/password-actions";

export const createUserAction = serverAction(createUser);
export const changeUserRoleAction = serverAction(changeUserRole);
export const setUserDisabledAction = serverAction(setUserDisabled);
export const resetUserPasswordAction = serverAction(resetUserPassword);
export const setUserCanApproveAction = serverAction(setUserCanApprove);
