"use client";
// Why rows will not be sent, the biggest reason first, with the fix where one is known: a list written without country
// codes is read with the source number's country once the user says so, and checked again.
import { useFormContext } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { invalidShare } from "@/lib/campaigns/invalid-reasons";
import { formatCount } from "./format";
import type { ComposerValues } from "./form-values";
import { launchNeeds } from "@/lib/campaigns/launch-needs";

export function InvalidReasonsList({ summary, onRecheck }: { summary: PreflightSummary; onRecheck?: () => void }) {
  const { setValue } = useFormContext<ComposerValues>();
  const reasons = summary.invalidReasons ?? [];
  if (summary.counts.invalid === 0 || reasons.length === 0) return null;
  const percent = Math.round(invalidShare(summary.counts, summary.total) * 100);
  const needs = launchNeeds(summary);
  const apply = (country: string) => {
    setValue("recipients.defaultCountry", country, { shouldDirty: true });
    onRecheck?.();
  };
  return (
    <Alert tone={needs.confirmInvalid ? "warning" : "info"} data-testid="invalid-reasons">
      <p className="font-medium">
        {formatCount(summary.counts.invalid)} of {formatCount(summary.total)} rows ({percent < 1 ? "under 1" : percent} %) cannot be sent
        {needs.confirmInvalid ? "; launching will ask you to confirm them" : ""}:
      </p>
      <ul className="ml-4 list-disc">
        {reasons.slice(0, 5).map((r) => (
          <li key={r.problem}>
            {r.text}
            {r.fix ? (
              <span className="ml-1 inline-flex flex-wrap items-center gap-2">
                <span>{r.fix.text}</span>
                <Button type="button" size="sm" variant="outline" onClick={() => apply(r.fix!.defaultCountry)}>
                  Use {r.fix.defaultCountry}
                </Button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
