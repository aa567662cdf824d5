// The chart's numbers as a table behind a "Show as table" disclosure: what a screen reader, a keyboard user or anyone
// wanting exact figures reads instead of the drawing.
export interface ChartTableData {
  /** Names the table, e.g. "Failed recipients by error". */
  caption: string;
  /** Column headings; the first column names each row. */
  columns: { label: string; numeric?: boolean }[];
  rows: { key: string; cells: string[] }[];
}

export function ChartTable({ table, testId }: { table: ChartTableData; testId: string }) {
  const align = (i: number) => (table.columns[i]?.numeric ? "text-right" : "text-left");
  return (
    <details className="group text-xs" data-testid={`${testId}-table`}>
      <summary className="w-fit cursor-pointer rounded-sm font-medium text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
        <span className="group-open:hidden">Show as table</span>
        <span className="hidden group-open:inline">Hide table</span>
      </summary>
      {/* Zero width that stretches to the container's: a long table scrolls inside itself and never widens the card. */}
      <div className="relative mt-2 w-0 min-w-full overflow-x-auto">
        <table className="w-full tabular-nums">
          <caption className="sr-only">{table.caption}</caption>
          <thead className="border-b border-border">
            <tr>
              {table.columns.map((c, i) => (
                <th key={c.label} scope="col" className={`px-2 py-1.5 font-semibold text-muted-foreground ${align(i)}`}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {table.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-2 py-1 text-left font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className={`px-2 py-1 ${align(i)}`}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
