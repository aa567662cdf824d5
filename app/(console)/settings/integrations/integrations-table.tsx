"use client";
// The integrations with what they received: counts by status, the last message, and why forwarding is held.
import { useState } from "react";
import { Plug } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { inboundPath } from "@/lib/inbound/protocol";
import type { IntegrationListItem } from "@/lib/inbound/queries";
import { IntegrationRowActions } from "./integration-row-actions";

const CHANNEL = { sms: "SMS", whatsapp: "WhatsApp" } as const;

function HeldNotice({ held }: { held: NonNullable<IntegrationListItem["held"]> }) {
  return (
    <p className="mt-1 text-xs text-destructive" data-testid="integration-held">
      Forwarding held after {held.attempts} attempt{held.attempts === 1 ? "" : "s"}: {held.name}
      {held.message ? ` — ${held.message}` : ""}
      {held.nextAttemptAt ? (
        <>
          {" "}
          (next try <DateTime at={held.nextAttemptAt} relative />)
        </>
      ) : null}
    </p>
  );
}

export function IntegrationsTable({ integrations, origin }: { integrations: IntegrationListItem[]; origin: string }) {
  const [error, setError] = useState<string | null>(null);
  if (integrations.length === 0) {
    return (
      <EmptyState icon={Plug} title="No inbound integrations yet">
        Add one per provider and number; the provider then posts customers&apos; messages to its endpoint.
      </EmptyState>
    );
  }
  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="rounded-lg border border-border bg-card">
        <Table aria-label="Inbound integrations" data-testid="integrations-table">
          <THead>
            <tr>
              <TH>Integration</TH>
              <TH>Number</TH>
              <TH>Created</TH>
              <TH>Last message</TH>
              <TH className="text-right">Forwarded</TH>
              <TH className="text-right">Queued</TH>
              <TH className="text-right">Failed</TH>
              <TH>Status</TH>
              <TH className="text-right">Actions</TH>
            </tr>
          </THead>
          <TBody>
            {integrations.map((i) => (
              <TR key={i.id} data-testid={`integration-row-${i.name}`}>
                <TD className="max-w-md">
                  <div className="font-medium">{i.name}</div>
                  <div className="font-mono text-xs text-muted-foreground" data-testid="integration-endpoint">
                    {origin}
                    {inboundPath(i.id)}
                  </div>
                  <div className="text-xs text-muted-foreground">Secret {i.secretPrefix}…</div>
                  {i.held ? <HeldNotice held={i.held} /> : null}
                </TD>
                <TD>
                  <div>{i.phoneNumber}</div>
                  <div className="text-xs text-muted-foreground">{CHANNEL[i.channel]}</div>
                </TD>
                <TD className="whitespace-nowrap text-muted-foreground">
                  <DateTime at={i.createdAt} />
                </TD>
                <TD className="whitespace-nowrap text-muted-foreground">
                  <DateTime at={i.lastReceivedAt} relative empty="Never" />
                </TD>
                <TD className="text-right tabular-nums" data-testid="integration-forwarded">
                  {i.counts.forwarded}
                </TD>
                <TD className="text-right tabular-nums" data-testid="integration-queued">
                  {i.counts.queued}
                </TD>
                <TD className="text-right tabular-nums" data-testid="integration-failed">
                  {i.counts.failed}
                </TD>
                <TD>{i.disabledAt ? <Badge tone="neutral">Disabled</Badge> : <Badge tone="success">Enabled</Badge>}</TD>
                <TD>
                  <IntegrationRowActions integration={i} origin={origin} onError={setError} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </div>
  );
}
