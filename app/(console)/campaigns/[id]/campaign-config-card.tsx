import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { GuardrailWords } from "@/lib/campaigns/guardrail-words";
import type { CampaignLabels } from "@/lib/campaigns/labels";
import type { CampaignConfig } from "@/lib/campaigns/schemas";

function messageLabel(c: CampaignConfig): string {
  if (c.message.kind === "text") return `${c.message.text} (${c.message.contentType})`;
  if (c.message.kind === "template") return `Template ${c.message.templateName || c.message.messageTemplateId}`;
  return "None: the flow sends the first message";
}

function displayName(c: CampaignConfig): string {
  const d = c.participantDisplayName;
  return d.mode === "fixed" ? d.value : d.mode === "column" ? `From column "${d.column}"` : "Not set";
}

function StopWhen({ config: c }: { config: CampaignConfig }) {
  const age = c.maxQueuedMinutes !== undefined ? `${c.maxQueuedMinutes} minutes after sending begins` : null;
  if (!c.endAt) return age ?? "Not set";
  return (
    <>
      At <DateTime at={c.endAt} />
      {age ? `, or ${age}` : null}
    </>
  );
}

// The start as an instant like every other time on the page, with the zone it was chosen in (which the plan used).
function ScheduleWhen({ config: c }: { config: CampaignConfig }) {
  if (c.schedule.mode === "now") return "When launched";
  return (
    <>
      <DateTime at={c.schedule.at} /> <span className="text-muted-foreground">(chosen in {c.schedule.timeZone})</span>
    </>
  );
}

/** The campaign exactly as it will be (or was) sent: frozen once launched. */
export function CampaignConfigCard({ config: c, labels, guardrails }: { config: CampaignConfig; labels: CampaignLabels; guardrails: GuardrailWords }) {
  const rows: [string, ReactNode][] = [
    ["Channel", c.channel === "sms" ? "SMS" : "WhatsApp"],
    ["Instance", labels.instance],
    ["Source number", labels.number],
    ["Contact flow", labels.flow],
    ["Initial message", messageLabel(c)],
    ["Content types", c.contentTypes.join(", ")],
    ["Chat duration", `${c.chatDurationMinutes} minutes`],
    [
      "Attributes",
      Object.keys(c.attributes).length > 0
        ? Object.entries(c.attributes)
            .map(([k, v]) => `${k}=${v}`)
            .join(", ")
        : "None",
    ],
    ["Display name", displayName(c)],
    ["Related contact", c.relatedContactId ?? "None"],
    ["Pace", `${c.sendsPerSecond} sends per second`],
    ["Schedule", <ScheduleWhen key="schedule" config={c} />],
    ["Stop sending", <StopWhen key="stop" config={c} />],
    ["Send window", guardrails.sendWindow],
    ["Frequency caps", guardrails.frequencyCaps],
    ["Default country", c.recipients.defaultCountry ?? "None"],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Configuration</CardTitle>
      </CardHeader>
      <CardContent>
        {labels.lookupError ? <p className="mb-2 text-xs text-warning">Names could not be read from Connect: {labels.lookupError}</p> : null}
        <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-2 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted-foreground">{k}</dt>
              <dd className="break-words">{v}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
