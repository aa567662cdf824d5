import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { loadDraftForEdit } from "@/lib/campaigns/drafts";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { getCampaign } from "@/lib/campaigns/queries";
import { getDb } from "@/lib/server/runtime";
import { ComposerOnDemand } from "../../compose/composer-on-demand";
import { withDefaults } from "../../compose/form-values";
import { LedgerNotice } from "../ledger-notice";

export const metadata: Metadata = { title: "Edit campaign" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser("viewer");
  // Viewers may look at a campaign but not change it: send them to its page rather than to "no access".
  if (!hasRole(user.role, "supervisor")) redirect(`/campaigns/${encodeURIComponent(id)}`);
  if (!UUID.test(id)) notFound();
  const db = await getDb();
  const draft = await loadDraftForEdit(db, id);
  // Launched (or unknown) campaigns are not editable; their own page says what happened to them.
  if (!draft) redirect(`/campaigns/${id}`);
  const campaign = await getCampaign(db, id);
  // The check saved with the draft, so Launch works straight after reopening it (launch checks again anyway).
  const savedPreflight = (campaign?.preflight ?? undefined) as PreflightSummary | undefined;
  return (
    <>
      <PageHeader title={`Edit ${draft.input.name || "draft"}`} description="Changes take effect when you save the draft or launch it." />
      <LedgerNotice ledgerState={campaign?.ledgerState} className="mb-4" />
      <ComposerOnDemand key={draft.campaignId} campaignId={draft.campaignId} initial={withDefaults(draft.input)} savedPreflight={savedPreflight} />
    </>
  );
}
