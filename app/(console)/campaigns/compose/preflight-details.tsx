"use client";
// The detail under the preflight counts: first rows of each group, the message previews and the exact Connect request.
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { MessagePreview, PreflightSampleRow } from "@/lib/campaigns/preflight-summary";
import type { StartOutboundChatInput } from "@/lib/connect/types";
import { formatCount } from "./format";

function reasonOf(row: PreflightSampleRow): string {
  if (row.duplicateOfLine !== null) return `Same number as line ${row.duplicateOfLine}`;
  return row.reason ?? "";
}

export function SampleRows({ label, count, rows }: { label: string; count: number; rows: PreflightSampleRow[] }) {
  const showReason = rows.some((row) => reasonOf(row) !== "");
  return (
    <details className="rounded-md border border-border">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
        {label} ({formatCount(count)}){count > rows.length ? `, first ${rows.length} shown` : ""}
      </summary>
      <Table aria-label={`${label} recipients`}>
        <THead>
          <tr>
            <TH>Line</TH>
            <TH>Number</TH>
            <TH>Name</TH>
            {showReason ? <TH>Reason</TH> : null}
          </tr>
        </THead>
        <TBody>
          {rows.map((row) => (
            <TR key={row.line}>
              <TD className="tabular-nums">{row.line}</TD>
              <TD className="font-mono text-xs">{row.phone ?? row.phoneRaw}</TD>
              <TD>{row.name}</TD>
              {showReason ? <TD className="text-muted-foreground">{reasonOf(row)}</TD> : null}
            </TR>
          ))}
        </TBody>
      </Table>
    </details>
  );
}

export function MessagePreviews({ previews }: { previews: MessagePreview[] }) {
  if (previews.length === 0) return null;
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-semibold">Message previews</h3>
      <ul className="grid gap-2">
        {previews.map((preview) => (
          <li key={preview.phone} className="rounded-md border border-border bg-muted/30 p-2 text-sm">
            <p className="text-xs text-muted-foreground">
              To <span className="font-mono">{preview.phone}</span>
              {preview.name ? ` (${preview.name})` : ""}
            </p>
            {preview.message !== null ? <p className="mt-1 whitespace-pre-wrap">{preview.message}</p> : null}
            {preview.templateVariables ? (
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
                {Object.entries(preview.templateVariables).map(([name, value]) => (
                  <div key={name} className="contents">
                    <dt className="font-mono text-muted-foreground">{name}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {preview.message === null && !preview.templateVariables ? <p className="mt-1 text-xs text-muted-foreground">No initial message.</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SampleRequest({ request }: { request: StartOutboundChatInput | null }) {
  if (!request) return null;
  return (
    <details className="rounded-md border border-border">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Sample request</summary>
      <pre tabIndex={0} aria-label="Sample request" className="max-h-80 overflow-auto border-t border-border bg-muted/30 p-3 text-xs">
        {JSON.stringify(request, null, 2)}
      </pre>
    </details>
  );
}
