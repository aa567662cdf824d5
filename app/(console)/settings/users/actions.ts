"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { changeUserRole, createUser, setUserDisabled } from "@/lib/users/actions";

export const createUserAction = serverAction(createUser);
export const changeUserRoleAction = serverAction(changeUserRole);
export const setUserDisabledAction = serverAction(setUserDisabled);
