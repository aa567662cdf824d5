import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listIntegrations } from "@/lib/inbound/queries";
import { getRuntime } from "@/lib/runtime/current";
import { CreateIntegrationDialog } from "./create-integration-dialog";
import { InboundActivityOnDemand } from "./inbound-activity-on-demand";
import { IntegrationsTable } from "./integrations-table";
import { publicOrigin } from "./public-origin";
import { SigningGuide } from "./signing-guide";

export const metadata: Metadata = { title: "Inbound integrations" };

export default async function IntegrationsPage() {
  await requirePageUser("admin");
  const rt = await getRuntime();
  const [integrations, origin] = await Promise.all([listIntegrations(rt.database.db), publicOrigin(rt.env.PUBLIC_URL)]);
  return (
    <>
      <PageHeader
        title="Inbound integrations"
        description="Customers' SMS and WhatsApp messages, posted by your messaging provider, forwarded into Amazon Connect chats in order. Replies to campaigns are linked to them, and opt-out keywords update the suppression list."
        actions={<CreateIntegrationDialog origin={origin} />}
      />
      <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-6">
        <IntegrationsTable integrations={integrations} origin={origin} />
        <SigningGuide origin={origin} />
        {/* The lists read their filters from the URL on the client, which needs a Suspense boundary. */}
        <Suspense fallback={<p className="text-sm text-muted-foreground">Loading messages…</p>}>
          <InboundActivityOnDemand integrations={integrations.map((i) => ({ id: i.id, name: i.name }))} />
        </Suspense>
      </div>
    </>
  );
}
