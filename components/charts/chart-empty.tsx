// What a chart shows before it has anything to draw.
export function ChartEmpty({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex h-40 items-center justify-center rounded-md border border-dashed border-border text-sm text-muted-foreground" data-testid={testId}>
      {children}
    </div>
  );
}
