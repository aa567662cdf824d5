"use client";
// The first rows of the list under their columns, with what each column is used as: the mapping checked against the
// data before anything is sent. An upload's first rows come from the server, which read the file once.
import { columnUse, type ColumnUse } from "./column-mapping";
import type { MappingValue } from "./form-values";
import { templateVariableText } from "./template-variables";

const USE_LABEL: Record<ColumnUse, string> = { none: "Not used", attribute: "Attribute", variable: "Variable" };

function roleOf(column: string, mapping: MappingValue, feeds: ReadonlyMap<string, string[]>): string {
  const roles: string[] = [];
  if (column === mapping.phoneColumn) roles.push("Phone");
  else if (column === mapping.nameColumn) roles.push("Name");
  else if (column === mapping.timeZoneColumn) roles.push("Time zone");
  else {
    const { use, name } = columnUse(mapping, column);
    if (use !== "none") roles.push(`${USE_LABEL[use]} ${name}`);
  }
  const fed = feeds.get(column);
  if (fed && fed.length > 0) roles.push(`Template ${templateVariableText(fed)}`);
  return roles.length > 0 ? roles.join("; ") : USE_LABEL.none;
}

interface Props {
  header: string[];
  sample: string[][];
  mapping: MappingValue;
  feeds: ReadonlyMap<string, string[]>;
}

export function MappingPreview({ header, sample, mapping, feeds }: Props) {
  if (header.length === 0 || sample.length === 0) return null;
  return (
    <div className="min-w-0 overflow-x-auto rounded-md border border-border" data-testid="mapping-preview">
      <table className="w-full text-left text-xs">
        <caption className="px-2 py-1.5 text-left text-xs text-muted-foreground">
          The first {sample.length === 1 ? "row" : `${sample.length} rows`} of the list, as mapped
        </caption>
        <thead className="bg-muted">
          <tr>
            {header.map((column, i) => (
              <th key={`${i}-${column}`} scope="col" className="px-2 py-1.5 align-bottom font-medium whitespace-nowrap">
                <span className="block">{column}</span>
                <span className="block font-normal text-muted-foreground">{roleOf(column, mapping, feeds)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sample.map((cells, r) => (
            <tr key={r} className="border-t border-border">
              {header.map((column, i) => (
                <td key={`${i}-${column}`} className="max-w-48 truncate px-2 py-1 font-mono" title={cells[i] ?? ""}>
                  {cells[i] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
