"use client";
// Header link for people who may approve: how many launches wait for a decision. The count's polling query loads
// after the page (pending-count.tsx), so pages that query nothing else do not carry it for everyone.
import Link from "next/link";
import { Suspense } from "react";
import { lazyComponent } from "@/components/lazy-component";

const PendingCount = lazyComponent(() => import("./pending-count").then((m) => m.PendingCount));

export function ApprovalsBadge() {
  return (
    <Link href="/approvals" className="mr-3 flex items-center gap-1 text-sm hover:underline" data-testid="approvals-link">
      Approvals
      <Suspense fallback={null}>
        <PendingCount />
      </Suspense>
    </Link>
  );
}
