import "server-only";
// Reads of campaign_approvals. The pending list and its count read the partial index on pending requests only.
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { apiKeys, campaignApprovals, campaigns, users, type CampaignApproval } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** The request a launch may still use or an approver may still decide: at most one per campaign. */
export async function openApproval(db: Db, campaignId: string): Promise<CampaignApproval | undefined> {
  const [row] = await db
    .select()
    .from(campaignApprovals)
    .where(and(eq(campaignApprovals.campaignId, campaignId), inArray(campaignApprovals.status, ["pending", "approved"])))
    .for("update");
  return row;
}

/** The newest request of a campaign, whatever became of it: what the campaign page shows. */
export async function latestApproval(db: Db, campaignId: string): Promise<CampaignApproval | undefined> {
  const [row] = await db
    .select()
    .from(campaignApprovals)
    .where(eq(campaignApprovals.campaignId, campaignId))
    .orderBy(desc(campaignApprovals.requestedAt))
    .limit(1);
  return row;
}

export interface ApprovalListItem {
  id: string;
  campaignId: string;
  campaignName: string;
  channel: "sms" | "whatsapp";
  status: ApprovalStatus;
  recipients: number;
  reasons: string[];
  requestedBy: string;
  requestedByEmail: string;
  requestedAt: Date;
  decidedByEmail: string | null;
  decidedAt: Date | null;
  comment: string | null;
}

export const APPROVAL_LIST_LIMIT = 200;

/** Oldest pending first (they have waited longest); decided ones newest first. */
export async function listApprovals(db: Db, status: ApprovalStatus, limit = APPROVAL_LIST_LIMIT): Promise<ApprovalListItem[]> {
  const rows = await db
    .select({
      id: campaignApprovals.id,
      campaignId: campaignApprovals.campaignId,
      campaignName: campaigns.name,
      channel: campaigns.channel,
      status: campaignApprovals.status,
      recipients: campaignApprovals.recipients,
      reasons: campaignApprovals.reasons,
      requestedBy: campaignApprovals.requestedBy,
      requestedByEmail: campaignApprovals.requestedByEmail,
      requestedAt: campaignApprovals.requestedAt,
      decidedByEmail: campaignApprovals.decidedByEmail,
      decidedAt: campaignApprovals.decidedAt,
      comment: campaignApprovals.comment,
    })
    .from(campaignApprovals)
    .innerJoin(campaigns, eq(campaigns.id, campaignApprovals.campaignId))
    .where(eq(campaignApprovals.status, status))
    .orderBy(status === "pending" ? campaignApprovals.requestedAt : desc(campaignApprovals.requestedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, reasons: Array.isArray(r.reasons) ? (r.reasons as string[]) : [] }));
}

export async function countPendingApprovals(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(campaignApprovals).where(eq(campaignApprovals.status, "pending"));
  return row?.n ?? 0;
}

/** The person behind a principal: a user is themself, an API key is the admin who created it. */
export async function personOf(db: Db, principal: { id: string; email: string }): Promise<string> {
  if (!principal.email.startsWith("api-key:")) return principal.id;
  const [key] = await db.select({ createdBy: apiKeys.createdBy }).from(apiKeys).where(eq(apiKeys.id, principal.id));
  return key?.createdBy ?? principal.id;
}

/**
 * Admins may always approve; others only when an admin granted them the right. An API key acts with its own role
 * only, so only an admin key approves.
 */
export async function mayApprove(db: Db, principal: { id: string; email: string; role: string }): Promise<boolean> {
  if (principal.role === "admin") return true;
  if (principal.email.startsWith("api-key:")) return false;
  const [u] = await db.select({ canApprove: users.canApprove, disabledAt: users.disabledAt }).from(users).where(eq(users.id, principal.id));
  return Boolean(u?.canApprove && !u.disabledAt);
}
