"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { setupFirstAdmin } from "@/lib/users/actions";

export const setupFirstAdminAction = serverAction(setupFirstAdmin);
