// What the console itself recorded about the contact: why it exists, who caused it, and with whom.
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { ContactRow } from "@/lib/contacts/queries";
import { ORIGIN_LABEL } from "@/lib/contacts/list-filters";
import { ContactOriginText, ContactStateBadge } from "../contact-badges";
import { Facts } from "./facts";

export function ContactSummary({ contact: c, instanceName }: { contact: ContactRow; instanceName?: string | null }) {
  return (
    <Card data-testid="contact-summary">
      <CardHeader>
        <CardTitle>Recorded by the console</CardTitle>
      </CardHeader>
      <CardContent>
        <Facts
          items={[
            ["Origin", ORIGIN_LABEL[c.origin]],
            ["Campaign", c.campaignId ? <ContactOriginText origin="campaign" campaignId={c.campaignId} campaignName={c.campaignName} /> : null],
            ["Created by", c.createdBy],
            ["Created at", <DateTime key="created" at={c.createdAt} seconds />],
            ["Channel", c.channel === "sms" ? "SMS" : "WhatsApp"],
            [
              "Customer number",
              <span key="customer" className="font-mono text-xs">
                {c.customerPhone}
              </span>,
            ],
            ["Source number", c.sourcePhone ? <span className="font-mono text-xs">{c.sourcePhone}</span> : null],
            ["Source number ARN", c.sourcePhoneNumberArn ? <span className="break-all font-mono text-xs">{c.sourcePhoneNumberArn}</span> : null],
            [
              "Instance",
              instanceName ? (
                <span key="instance" title={c.instanceId}>
                  {instanceName}
                </span>
              ) : (
                <span key="instance" className="font-mono text-xs">
                  {c.instanceId}
                </span>
              ),
            ],
            ["State", <ContactStateBadge key="state" state={c.state} />],
            ["Disconnected at", <DateTime key="disconnected" at={c.disconnectedAt} seconds />],
            ["Disconnect reason", c.disconnectReason],
            ["Last checked", <DateTime key="checked" at={c.lastCheckedAt} relative empty="Not yet" />],
            ["Last check failed", c.checkError ? <span className="text-destructive">{c.checkError}</span> : null],
          ]}
        />
      </CardContent>
    </Card>
  );
}
