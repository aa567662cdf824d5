// The key to a chart's colours, as a list a screen reader reads out.
export interface LegendItem {
  label: string;
  color: string;
}

export function ChartLegend({ items, testId }: { items: LegendItem[]; testId?: string }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-label="Legend" data-testid={testId}>
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block size-3 rounded-sm" style={{ background: item.color }} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
