"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { setupFirstAdmin } from "@/lib/accounts/actions";

export const setupFirstAdminAction = serverAction(setupFirstAdmin);
