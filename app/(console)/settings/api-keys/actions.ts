"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/actions";

export const createApiKeyAction = serverAction(createApiKey);
export const revokeApiKeyAction = serverAction(revokeApiKey);
