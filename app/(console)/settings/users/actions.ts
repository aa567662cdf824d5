"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { changeUserRole, createUser, setUserDisabled } from "@/lib/users/actions";
import { resetUserPassword } from "@/lib/users/password-actions";

export const createUserAction = serverAction(createUser);
export const changeUserRoleAction = serverAction(changeUserRole);
export const setUserDisabledAction = serverAction(setUserDisabled);
export const resetUserPasswordAction = serverAction(resetUserPassword);
