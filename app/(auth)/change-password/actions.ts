"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { changeOwnPassword } from "@/lib/users/password-actions";

export const changeOwnPasswordAction = serverAction(changeOwnPassword);
