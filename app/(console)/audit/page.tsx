import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { AuditView } from "./audit-view";
import { UrlState } from "@/components/list/url-state";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in the console, newest first. Each entry is chained to the one before it by a keyed hash, and the head of the chain is checkpointed outside the database, so an edited or removed entry is detectable."
      />
      {/* The view reads the filters from the URL on the client, which needs a Suspense boundary. */}
      <Suspense fallback={<p className="text-sm text-muted-foreground">Loading entries…</p>}>
        <UrlState>
          <AuditView canVerify={hasRole(user.role, "supervisor")} />
        </UrlState>
      </Suspense>
    </>
  );
}
