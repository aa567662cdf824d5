import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { campaignView } from "@/lib/campaigns/api-view";
import { deadlineParts } from "@/lib/campaigns/deadline-view";
import { guardrailWords } from "@/lib/campaigns/guardrail-words";
import { campaignLabels } from "@/lib/campaigns/labels";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { getCampaign } from "@/lib/campaigns/queries";
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import { campaignStatusHistory } from "@/lib/campaigns/status-history";
import { campaignStartedAt } from "@/lib/campaigns/status-words";
import { getDb } from "@/lib/server/runtime";
import { DeleteDraftButton } from "../compose/delete-draft-button";
import { ApprovalCard } from "./approval-card";
import { DuplicateButton } from "./duplicate-button";
import { CampaignActivity } from "./campaign-activity";
import { CampaignConfigCard } from "./campaign-config-card";
import { CampaignLive } from "./campaign-live";
import { CampaignLiveSource, type LiveSnapshot } from "./campaign-live-source";
import { LiveStatusBadge, LiveTimes } from "./campaign-status-line";
import { FunnelCard } from "./funnel-card";
import { LedgerNotice } from "./ledger-notice";
import { LiveRecipientCounts } from "./live-recipient-counts";
import { RecipientsOnDemand } from "./recipients-on-demand";
import { RetryFailedButton } from "./retry-failed-button";
import { StatusHistory } from "./status-history";

export const metadata: Metadata = { title: "Campaign" };

function DeadlineLine({ parts: [before, at, after] }: { parts: ReturnType<typeof deadlineParts> }) {
  return (
    <span data-testid="campaign-deadline">
      {before}
      <DateTime at={at} />
      {after}
    </span>
  );
}

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewer");
  const id = z.uuid().safeParse((await params).id);
  const db = await getDb();
  const campaign = id.success ? await getCampaign(db, id.data) : undefined;
  if (!campaign) notFound();
  const [view, labels, history, guardrails] = await Promise.all([
    campaignView(db, campaign),
    campaignLabels(campaign),
    campaignStatusHistory(db, campaign.id),
    guardrailWords(db, campaign.config as CampaignConfig),
  ]);
  const preflight = campaign.preflight as PreflightSummary;
  const supervisor = hasRole(user.role, "supervisor");
  const canChange = supervisor && campaign.status === "draft";
  // Drafts and cancelled campaigns have nothing to retry; the button itself shows only while rows have failed.
  const canRetry = supervisor && ["scheduled", "running", "paused", "completed"].includes(campaign.status);
  const counts = view.recipients;
  // What the page shows until its first live read lands (a draft's, for good): the figures this render just counted.
  const snapshot: LiveSnapshot = {
    status: campaign.status,
    scheduledAt: campaign.scheduledAt?.toISOString() ?? null,
    startedAt: campaignStartedAt(campaign)?.toISOString() ?? null,
    finishedAt: campaign.finishedAt?.toISOString() ?? null,
    outcome: {
      sent: counts.sent ?? 0,
      failed: counts.failed ?? 0,
      skipped: counts.skipped ?? 0,
      total: ["pending", "sending", "sent", "failed", "skipped"].reduce((sum, k) => sum + (counts[k] ?? 0), 0),
    },
  };
  const actions = !supervisor ? (
    // Said once, where the buttons would be: the progress card's controls and Retry failed are missing for the same reason.
    <p className="self-center text-xs text-muted-foreground" data-testid="viewer-note">
      Viewers can&apos;t change campaigns — ask a supervisor.
    </p>
  ) : canChange ? (
    <>
      <Button asChild>
        <Link href={`/campaigns/${campaign.id}/edit`}>Edit draft</Link>
      </Button>
      <DuplicateButton campaignId={campaign.id} />
      <DeleteDraftButton campaignId={campaign.id} />
    </>
  ) : canRetry ? (
    <RetryFailedButton campaignId={campaign.id} initialFailed={view.recipients.failed ?? 0} />
  ) : null;
  return (
    <CampaignLiveSource campaignId={campaign.id} initial={snapshot}>
      <PageHeader title={campaign.name} description={campaign.description || undefined} actions={actions} />
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
        <LiveStatusBadge />
        <span>
          Created by {campaign.createdByEmail} on <DateTime at={campaign.createdAt} />
        </span>
        <LiveTimes />
        {view.deadline ? <DeadlineLine parts={deadlineParts(view.deadline)} /> : null}
      </div>
      <LedgerNotice ledgerState={campaign.ledgerState} className="mb-4" />
      {campaign.status === "draft" && preflight.blocking.length > 0 ? (
        <Alert tone="error" className="mb-4">
          Launch is blocked: {preflight.blocking.join("; ")}
        </Alert>
      ) : null}
      <ApprovalCard db={db} campaign={campaign} user={user} />
      {campaign.status !== "draft" ? (
        <div className="mb-4">
          <CampaignLive campaignName={campaign.name} canControl={supervisor} />
        </div>
      ) : null}
      {campaign.status !== "draft" ? (
        <div className="mb-4">
          <FunnelCard />
        </div>
      ) : null}
      {campaign.status !== "draft" ? (
        <div className="mb-4">
          <CampaignActivity />
        </div>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-[2fr_3fr]">
        <LiveRecipientCounts counts={counts} reportHref={`/api/campaigns/${campaign.id}/preflight.csv`} warnings={preflight.warnings} />
        <CampaignConfigCard config={campaign.config as CampaignConfig} labels={labels} guardrails={guardrails} />
      </div>
      <div className="mt-4">
        <StatusHistory entries={history} />
      </div>
      <div className="mt-4 scroll-mt-4" id="recipients">
        {/* The table reads its filters from the URL on the client, which needs a Suspense boundary. */}
        <Suspense fallback={<p className="text-sm text-muted-foreground">Loading recipients…</p>}>
          <RecipientsOnDemand campaignId={campaign.id} />
        </Suspense>
      </div>
    </CampaignLiveSource>
  );
}
