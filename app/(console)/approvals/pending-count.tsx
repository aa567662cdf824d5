"use client";
// The number in the header's Approvals link: a polling query, loaded after the page (approvals-badge.tsx), since the
// number waits for its request either way.
import { Badge } from "@/components/ui/badge";
import { APPROVAL_LIST_LIMIT_CLIENT } from "./limits";
import { usePendingApprovalCount } from "./pending-approvals";

export function PendingCount() {
  const pending = usePendingApprovalCount();
  const n = pending.data ?? 0;
  return n > 0 ? (
    <Badge tone="warning" data-testid="approvals-badge" aria-label={`${n} waiting for approval`}>
      {n >= APPROVAL_LIST_LIMIT_CLIENT ? `${APPROVAL_LIST_LIMIT_CLIENT}+` : n}
    </Badge>
  ) : null;
}
