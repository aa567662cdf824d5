"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { updateFrequencyCaps } from "@/lib/settings/frequency-caps-actions";

export const updateFrequencyCapsAction = serverAction(updateFrequencyCaps);
