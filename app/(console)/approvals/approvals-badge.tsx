"use client";
// Header link for people who may approve: how many launches wait for a decision.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { APPROVAL_LIST_LIMIT_CLIENT } from "./limits";
import { usePendingApprovalCount } from "./pending-approvals";

export function ApprovalsBadge() {
  const pending = usePendingApprovalCount();
  const n = pending.data ?? 0;
  return (
    <Link href="/approvals" className="mr-3 flex items-center gap-1 text-sm hover:underline" data-testid="approvals-link">
      Approvals
      {n > 0 ? (
        <Badge tone="warning" data-testid="approvals-badge" aria-label={`${n} waiting for approval`}>
          {n >= APPROVAL_LIST_LIMIT_CLIENT ? `${APPROVAL_LIST_LIMIT_CLIENT}+` : n}
        </Badge>
      ) : null}
    </Link>
  );
}
