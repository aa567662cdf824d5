"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { addSuppression, removeSuppression } from "@/lib/suppression/actions";

// Imports go to /api/suppression/import instead: a large file exceeds the body size a server action accepts.
export const addSuppressionAction = serverAction(addSuppression);
export const removeSuppressionAction = serverAction(removeSuppression);
