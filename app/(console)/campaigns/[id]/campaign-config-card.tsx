import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
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

function stopWords(c: CampaignConfig): string {
  const parts = [c.endAt ? `At ${c.endAt}` : null, c.maxQueuedMinutes !== undefined ? `${c.maxQueuedMinutes} minutes after sending begins` : null];
  return parts.filter(Boolean).join(", or ") || "Not set";
}

/** The campaign exactly as it will be (or was) sent: frozen once launched. */
export function CampaignConfigCard({ config: c, labels, guardrails }: { config: CampaignConfig; labels: CampaignLabels; guardrails: GuardrailWords }) {
  const rows: [string, string][] = [
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
    ["Schedule", c.schedule.mode === "now" ? "When launched" : `${c.schedule.at} (${c.schedule.timeZone})`],
    ["Stop sending", stopWords(c)],
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
