"use client";
// Requests refused at the door, with the reason and a bounded excerpt of what was sent.
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ShownRejection } from "./inbound-api";

export function RejectionsTable({ rows, names }: { rows: ShownRejection[]; names: Map<string, string> }) {
  return (
    <Table aria-label="Rejected requests" data-testid="inbound-rejections">
      <THead>
        <tr>
          <TH>Time</TH>
          <TH>Integration</TH>
          <TH>Reason</TH>
          <TH>IP</TH>
          <TH>Body</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.id} data-testid="inbound-rejection">
            <TD className="whitespace-nowrap text-muted-foreground">
              <DateTime at={r.receivedAt} relative />
            </TD>
            <TD>{r.integrationId ? (names.get(r.integrationId) ?? "Deleted") : "—"}</TD>
            <TD className="max-w-sm">{r.reason}</TD>
            <TD className="font-mono text-xs">{r.ip ?? "—"}</TD>
            <TD className="max-w-xs">
              <span className="line-clamp-2 break-all font-mono text-xs text-muted-foreground" title={r.bodyExcerpt ?? undefined}>
                {r.bodyExcerpt ?? r.hiddenReason ?? "—"}
              </span>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
