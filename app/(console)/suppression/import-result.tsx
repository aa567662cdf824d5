"use client";
// What an import did: counts first, then each line that could not be read as a number, and why.
import { Alert } from "@/components/ui/alert";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ImportReport } from "./suppression-api";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function ImportResult({ report }: { report: ImportReport }) {
  const { added, alreadyPresent, invalidCount, invalid } = report;
  return (
    <div className="grid gap-3">
      <Alert tone={invalidCount > 0 ? "warning" : "success"} data-testid="import-summary">
        {`Import finished: ${plural(added, "number", "numbers")} added, ${alreadyPresent.toLocaleString()} already on the list, ${plural(invalidCount, "invalid line", "invalid lines")}.`}
      </Alert>
      <dl className="grid grid-cols-3 gap-2 text-center">
        <Count label="Added" value={added} />
        <Count label="Already on the list" value={alreadyPresent} />
        <Count label="Invalid" value={invalidCount} />
      </dl>
      {invalid.length > 0 ? (
        <div className="grid gap-1">
          <div className="max-h-64 overflow-y-auto rounded-md border border-border">
            <Table aria-label="Invalid lines">
              <THead>
                <tr>
                  <TH>Line</TH>
                  <TH>Value</TH>
                  <TH>Reason</TH>
                </tr>
              </THead>
              <TBody>
                {invalid.map((row) => (
                  <TR key={row.line}>
                    <TD className="tabular-nums">{row.line}</TD>
                    <TD className="break-all font-mono text-xs">{row.value || <span className="text-muted-foreground">(empty)</span>}</TD>
                    <TD className="text-xs">{row.reason}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </div>
          {invalidCount > invalid.length ? (
            <p className="text-xs text-muted-foreground">{`Showing the first ${invalid.length.toLocaleString()} of ${invalidCount.toLocaleString()} invalid lines.`}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-md border border-border p-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value.toLocaleString()}</dd>
    </div>
  );
}
