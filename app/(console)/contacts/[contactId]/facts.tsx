import type { ReactNode } from "react";

/** Label and value pairs; a value that is null or empty is shown as a dash, so every row keeps its place. */
export function Facts({ items, testId }: { items: [label: string, value: ReactNode][]; testId?: string }) {
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-2 text-sm" data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0">{value === null || value === undefined || value === "" ? <span className="text-muted-foreground">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
