import { Download } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

const ROWS = [
  ["pending", "Waiting to send"],
  ["sending", "Sending"],
  ["sent", "Sent"],
  ["failed", "Failed"],
  ["skipped", "Skipped"],
  ["invalid", "Invalid"],
  ["duplicate", "Duplicate"],
  ["suppressed", "Suppressed"],
] as const;

export function RecipientCounts({ counts, reportHref, warnings }: { counts: Record<string, number>; reportHref: string; warnings: string[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Recipients</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label="Recipient counts">
          {ROWS.map(([key, label]) => (
            <div key={key} className="rounded-md border border-border p-2">
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="text-lg font-semibold tabular-nums" data-testid={`count-${key}`}>
                {(counts[key] ?? 0).toLocaleString("en-US")}
              </dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-muted-foreground" data-testid="count-total">
          {(counts.total ?? 0).toLocaleString("en-US")} rows in the recipient list, each accounted for once.
        </p>
        {warnings.length > 0 ? (
          <ul className="list-disc pl-5 text-sm text-warning">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : null}
        <a href={reportHref} className="inline-flex items-center gap-2 text-sm font-medium text-primary hover:underline">
          <Download className="size-4" aria-hidden />
          Download preflight report (CSV)
        </a>
      </CardContent>
    </Card>
  );
}
