"use client";
// The campaigns as a table: what each sent, through which number and flow, how far it got, and who ran it when.
import Link from "next/link";
import { CampaignStatusBadge } from "@/components/campaigns/status-badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { CampaignListItem } from "./campaign-list-api";
import { useConnectNames } from "./connect-names";

const fmt = (n: number) => n.toLocaleString("en-US");

// Launched for a later start, a campaign has not started: its row says when it will rather than when it was launched.
function Launched({ campaign: c }: { campaign: CampaignListItem }) {
  if (c.status !== "scheduled" || !c.scheduledAt) return <DateTime at={c.launchedAt} />;
  return (
    <span className="grid" data-testid="campaign-starts">
      <span className="text-xs">Starts</span>
      <DateTime at={c.scheduledAt} />
    </span>
  );
}

function Progress({ progress: p }: { progress: CampaignListItem["progress"] }) {
  if (p.total === 0) return <span className="text-muted-foreground">—</span>;
  const percent = Math.floor(((p.sent + p.failed + p.skipped) / p.total) * 100);
  return (
    <div className="grid min-w-44 gap-1">
      <span className="text-xs tabular-nums">
        {fmt(p.sent)} sent · <span className={p.failed > 0 ? "font-medium text-destructive" : undefined}>{fmt(p.failed)} failed</span> · {fmt(p.skipped)}{" "}
        skipped
        <span className="text-muted-foreground"> of {fmt(p.total)}</span>
      </span>
      <div className="h-1.5 w-full rounded-full bg-muted" aria-hidden>
        <div className="h-1.5 rounded-full bg-primary" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

export function CampaignsTable({ campaigns }: { campaigns: CampaignListItem[] }) {
  const names = useConnectNames(campaigns.map((c) => c.instanceId));
  return (
    <Table aria-label="Campaigns">
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Channel</TH>
          <TH>Source number</TH>
          <TH>Flow</TH>
          <TH>Status</TH>
          <TH>Progress</TH>
          <TH>Created by</TH>
          <TH>Launched</TH>
          <TH>Finished</TH>
        </tr>
      </THead>
      <TBody>
        {campaigns.map((c) => (
          <TR key={c.id} className="align-top">
            <TD>
              <Link href={`/campaigns/${c.id}`} className="font-medium text-primary hover:underline">
                {c.name}
              </Link>
            </TD>
            <TD>{c.channel === "sms" ? "SMS" : "WhatsApp"}</TD>
            <TD className="whitespace-nowrap font-mono text-xs" title={c.sourcePhoneNumberArn}>
              {names.number(c.instanceId, c.sourcePhoneNumberArn)}
            </TD>
            <TD className="max-w-48 truncate text-xs" title={c.contactFlowId}>
              {names.flow(c.instanceId, c.contactFlowId)}
            </TD>
            <TD>
              <CampaignStatusBadge status={c.status} counts={c.progress} />
            </TD>
            <TD>
              <Progress progress={c.progress} />
            </TD>
            <TD className="text-muted-foreground">{c.createdByEmail}</TD>
            <TD className="text-muted-foreground">
              <Launched campaign={c} />
            </TD>
            <TD className="text-muted-foreground">
              <DateTime at={c.finishedAt} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
