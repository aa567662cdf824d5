// The campaign's status changes in order, with who made each and why, from the audit log.
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { STATUS_LABEL, type CampaignStatus } from "@/lib/campaigns/status";
import type { StatusChange } from "@/lib/campaigns/status-history";

const label = (s: string | null) => (s && s in STATUS_LABEL ? STATUS_LABEL[s as CampaignStatus] : s);

export function StatusHistory({ entries }: { entries: StatusChange[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Status history</CardTitle>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">No status change has been recorded for this campaign.</p>
        ) : (
          <ol className="grid gap-3 border-l border-border pl-4" data-testid="status-history">
            {entries.map((e) => (
              <li key={e.id} className="relative grid gap-0.5 text-sm" data-testid="status-history-entry" data-action={e.action}>
                <span aria-hidden className="absolute -left-[1.3rem] top-1.5 size-2 rounded-full bg-primary" />
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{e.label}</span>
                  {e.to && e.to !== e.from ? (
                    <Badge tone="neutral">
                      {e.from ? `${label(e.from)} → ` : ""}
                      {label(e.to)}
                    </Badge>
                  ) : null}
                </span>
                <span className="text-xs text-muted-foreground">
                  <DateTime at={e.at} seconds /> by {e.actor}
                </span>
                {e.detail ? <span className="text-xs">{e.detail}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
