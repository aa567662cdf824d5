import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Plus } from "lucide-react";
import { ReadOnlyNote } from "@/components/console/read-only-note";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { CampaignsView } from "./campaigns-view";
import { UrlState } from "@/components/list/url-state";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const user = await requirePageUser("viewer");
  const canCompose = hasRole(user.role, "supervisor");
  const newButton = canCompose ? (
    <Button asChild>
      <Link href="/campaigns/new">
        <Plus className="size-4" aria-hidden />
        New campaign
      </Link>
    </Button>
  ) : null;
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Every outbound SMS and WhatsApp campaign: its status, how far sending got, and who ran it."
        actions={newButton ?? <ReadOnlyNote role={user.role} cannot="compose or change campaigns" />}
      />
      {/* The view reads the filters from the URL on the client, which needs a Suspense boundary. */}
      <Suspense fallback={<p className="text-sm text-muted-foreground">Loading campaigns…</p>}>
        <UrlState>
          <CampaignsView canCompose={canCompose} />
        </UrlState>
      </Suspense>
    </>
  );
}
