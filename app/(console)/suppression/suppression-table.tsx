"use client";
// The suppressed numbers: what, why, how each got here, by whom and when; supervisors can remove one from its row's menu.
import { ActionMenu } from "@/components/ui/action-menu";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { SuppressionSource } from "@/lib/suppression/schemas";
import { useRemoveNumberDialog } from "./remove-number-dialog";
import type { SuppressionRow } from "./suppression-api";

const SOURCE_LABEL: Record<SuppressionSource, string> = { manual: "Manual", import: "Import", "opt-out": "Opt-out" };
const sourceLabel = (source: string) => SOURCE_LABEL[source as SuppressionSource] ?? source;

export function SuppressionTable({ rows, canEdit }: { rows: SuppressionRow[]; canEdit: boolean }) {
  const remove = useRemoveNumberDialog();
  return (
    <>
      {remove.dialog}
      <Table aria-label="Suppressed numbers">
        <THead>
          <tr>
            <TH>Number</TH>
            <TH>Reason</TH>
            <TH>Source</TH>
            <TH>Added by</TH>
            <TH>Added at</TH>
            {canEdit ? <TH className="text-right">Actions</TH> : null}
          </tr>
        </THead>
        <TBody>
          {rows.map((row) => (
            <TR key={row.phone} data-testid={`suppression-row-${row.phone}`}>
              <TD className="whitespace-nowrap font-mono">{row.phone}</TD>
              <TD className="max-w-md break-words">{row.reason || <span className="text-muted-foreground">—</span>}</TD>
              <TD>
                <Badge tone={row.source === "opt-out" ? "warning" : "neutral"}>{sourceLabel(row.source)}</Badge>
              </TD>
              <TD>{row.createdBy}</TD>
              <TD className="whitespace-nowrap text-muted-foreground">
                <DateTime at={row.createdAt} />
              </TD>
              {canEdit ? (
                <TD className="text-right">
                  <ActionMenu
                    label={`Actions for ${row.phone}`}
                    testId={`suppression-actions-${row.phone}`}
                    items={[{ label: "Remove number…", destructive: true, onSelect: () => remove.ask(row) }]}
                  />
                </TD>
              ) : null}
            </TR>
          ))}
        </TBody>
      </Table>
    </>
  );
}
