"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { changeOwnPassword } from "@/lib/accounts/password-actions";

export const changeOwnPasswordAction = serverAction(changeOwnPassword);
