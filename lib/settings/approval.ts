import "server-only";
// The two-person approval setting, read by launch, the launch dialog and the approval request. One `settings` row.
import { eq } from "drizzle-orm";
import { settings } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { approvalSettingSchema, NO_APPROVAL, type ApprovalSetting } from "./approval-schema";

export const APPROVAL_SETTING = "approval";

/** A stored value that no longer validates reads as off rather than failing every launch. */
export function parseApprovalSetting(value: unknown): ApprovalSetting {
  const parsed = approvalSettingSchema.safeParse(value);
  return parsed.success ? parsed.data : NO_APPROVAL;
}

export async function readApprovalSetting(db: Db): Promise<ApprovalSetting> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, APPROVAL_SETTING));
  return row ? parseApprovalSetting(row.value) : NO_APPROVAL;
}
